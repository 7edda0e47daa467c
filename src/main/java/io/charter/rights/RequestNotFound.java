package io.charter.rights;

import io.charter.shared.NotFound;

/** No data-subject request with this id (a 404). */
public class RequestNotFound extends NotFound {

	RequestNotFound(Object id) {
		super("No data-subject request " + id + ".");
	}
}
