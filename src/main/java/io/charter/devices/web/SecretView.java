package io.charter.devices.web;

import java.time.Instant;
import java.util.UUID;

/** An enroll secret as listed: never the secret itself, which is shown once at creation. */
public record SecretView(UUID id, String name, Instant createdAt, Instant revokedAt, int devices) {

	public boolean active() {
		return revokedAt == null;
	}
}
