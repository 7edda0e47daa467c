package io.charter.training;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's place at a session (or on its waiting list).
 *
 * @param personId null once anonymised at an erasure
 * @param sequence the revision of the calendar invitation sent for it
 */
record Enrolment(UUID id, UUID sessionId, UUID personId, Status status, boolean attended, Instant enrolledAt,
		int sequence) {

	enum Status {
		ENROLLED, WAITING, CANCELLED
	}

	boolean holdsPlace() {
		return status == Status.ENROLLED;
	}
}
