package io.charter.consent.catalogue;

import io.charter.shared.NotFound;


/** No such site, category, service or cookie in the catalogue: a 404. */
class CatalogueNotFound extends NotFound {

	CatalogueNotFound(String what) {
		super("No " + what + " in the cookie catalogue.");
	}
}
