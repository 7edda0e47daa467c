package io.charter.rights.web;

import java.time.Instant;

/**
 * What a connected system was told of a request and what it reported.
 *
 * @param status PENDING (being delivered), DELIVERED (waiting for its report), FAILED (gave up
 *        delivering), DONE (reported done), REPORTED_FAILED (reported it could not), OVERRIDDEN (staff
 *        closed it with a reason)
 */
public record SystemTask(String system, String status, int attempts, Instant nextAttemptAt, String lastError,
		Instant deliveredAt, Instant reportedAt, String report) {

	/** Whether the request may complete as far as this system is concerned. */
	public boolean settled() {
		return "DONE".equals(status) || "OVERRIDDEN".equals(status);
	}
}
