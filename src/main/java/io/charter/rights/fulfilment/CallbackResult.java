package io.charter.rights.fulfilment;

/** How Charter takes a connected system's report on a task. */
public enum CallbackResult {
	/** Recorded. */
	ACCEPTED,
	/** No such task, or its system is no longer configured. */
	UNKNOWN,
	/** Missing, wrong or stale signature. */
	BAD_SIGNATURE,
	/**
	 * Not {@code {"status": "DONE|NOTHING_HELD|PARTLY|FAILED", "records": n, "detail": "…"}}, or
	 * datasets that are malformed or sent for a request that delivers no data.
	 */
	BAD_BODY,
	/** Larger than {@code charter.rights.webhooks.max-report-size}. */
	TOO_LARGE,
	/** The task was already reported on or overridden. */
	NOT_WAITING
}
