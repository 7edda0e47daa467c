package io.charter.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Something addressed by id does not exist (or is not visible to the caller): a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}
}
