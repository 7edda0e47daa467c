package io.charter.consent;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * What a public path needs from the database is not in memory, and the database is known to be out
 * of reach or did not answer within {@code charter.consent.lookup-timeout}: answered 503 with
 * Retry-After rather than waited for. Without a stack trace: it is an expected answer during an
 * outage, not a fault of Charter's.
 */
public class DatabaseUnavailable extends TransientDataAccessResourceException {

	DatabaseUnavailable(String detail) {
		super(detail);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
