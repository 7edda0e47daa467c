package io.charter.platform;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is out of reach (stopped, the network cut, the pool
 * exhausted waiting for it) rather than a fault of the request or of Charter: such a request is
 * answered 503 with {@link #RETRY_AFTER} and logged in one line, not as a failure with its stack
 * trace. Spring's {@code CannotGetJdbcConnectionException} is a {@link DataAccessResourceFailureException}.
 */
public final class DatabaseOutage {

	/** What a client refused during an outage is told to wait before it retries. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	/** What an API answer refused during an outage says, whichever part of Charter refuses it. */
	public static final String DETAIL = "Charter is temporarily unavailable. Try again shortly.";

	private DatabaseOutage() {
	}

	/** Whether the failure, or anything it was caused by, says the database could not be reached. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	/** {@link #RETRY_AFTER} as the Retry-After header's value, in seconds. */
	public static String retryAfter() {
		return String.valueOf(RETRY_AFTER.toSeconds());
	}

	/**
	 * Logs an outage where it stopped something: one WARN line naming what and the failure's type,
	 * the stack trace at DEBUG only, so an outage does not fill the log.
	 */
	public static void warn(Logger log, String what, Throwable failure) {
		log.warn("{}: the database is unreachable ({})", what, failure.getClass().getName());
		log.debug("Stack trace of the outage above", failure);
	}
}
