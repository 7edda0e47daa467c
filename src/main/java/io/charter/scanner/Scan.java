package io.charter.scanner;

import java.time.Instant;
import java.util.UUID;

/**
 * One scan of a site.
 *
 * @param declarationVersion the published version its findings were read against; null when the
 *        site had none
 */
record Scan(UUID id, String siteKey, Status status, String requestedBy, Instant startedAt, Instant finishedAt,
		int pagesDone, int pagesPlanned, Integer declarationVersion, int breaches, int undeclared, String failure) {

	enum Status {
		RUNNING, DONE, CANCELLED, FAILED,
		/** Its instance stopped (or was killed) during it: it will never finish, and can be run again. */
		INTERRUPTED;

		boolean finished() {
			return this != RUNNING;
		}
	}

	/** How far it got, 0 to 100, for the progress bar. */
	int percent() {
		return status.finished() ? 100 : pagesPlanned == 0 ? 0 : Math.min(99, pagesDone * 100 / pagesPlanned);
	}
}
