package io.charter.consent.catalogue;

import io.charter.shared.RuleViolation;


/**
 * A catalogue edit or a publication that the rules refuse. The refusal is
 * {@code catalogue.error.<code>} of the catalogue bundle, said in the reader's language on pages
 * and in the API (where the key is the problem's {@code code}), next to {@code field} when it is
 * about one field. The exception's own message is the English text, for logs.
 */
class InvalidCatalogueChange extends RuleViolation {

	InvalidCatalogueChange(String field, String code, String message, Object... args) {
		super(field, "catalogue.error." + code, args, message);
	}
}
