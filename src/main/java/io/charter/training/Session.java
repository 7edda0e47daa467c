package io.charter.training;

import java.time.Instant;
import java.util.UUID;

/**
 * A training session.
 *
 * @param sequence the calendar invitation's revision, bumped when the session changes or is cancelled
 */
record Session(UUID id, String title, Instant startsAt, Instant endsAt, String place, String onlineLink, int capacity,
		String trainer, String language, Status status, int sequence) {

	enum Status {
		SCHEDULED, CANCELLED
	}

	boolean cancelled() {
		return status == Status.CANCELLED;
	}

	/** What a person reads as where: the place, the link, or both. */
	String where() {
		if (place == null || place.isBlank()) {
			return onlineLink == null ? "" : onlineLink;
		}
		return onlineLink == null || onlineLink.isBlank() ? place : place + " / " + onlineLink;
	}
}
