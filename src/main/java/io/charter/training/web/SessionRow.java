package io.charter.training.web;

import java.time.Instant;
import java.util.UUID;

/** A session as the pages list it. */
public record SessionRow(UUID id, String title, Instant startsAt, Instant endsAt, String place, String onlineLink,
		int capacity, int taken, String trainer, String language, boolean cancelled) {

	public int free() {
		return Math.max(0, capacity - taken);
	}
}
