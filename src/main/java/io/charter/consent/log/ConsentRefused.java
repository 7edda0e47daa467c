package io.charter.consent.log;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A consent write or receipt lookup refused before anything was stored: answered as a problem
 * detail with this status. {@code field} names the offending body field for a 400.
 */
class ConsentRefused extends RuntimeException {

	private final HttpStatus status;
	private final String field;
	private final Duration retryAfter;

	ConsentRefused(HttpStatus status, String detail) {
		this(status, detail, null, null);
	}

	private ConsentRefused(HttpStatus status, String detail, String field, Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.field = field;
		this.retryAfter = retryAfter;
	}

	static ConsentRefused field(String field, String detail) {
		return new ConsentRefused(HttpStatus.BAD_REQUEST, detail, field, null);
	}

	static ConsentRefused retryLater(HttpStatus status, String detail, Duration retryAfter) {
		return new ConsentRefused(status, detail, null, retryAfter);
	}

	HttpStatus status() {
		return status;
	}

	String fieldName() {
		return field;
	}

	Duration retryAfter() {
		return retryAfter;
	}
}
