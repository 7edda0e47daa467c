package io.charter.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.charter.shared.Role;

/** An API token as listed: never its secret, which is shown once when issued. */
public record ApiToken(UUID id, UUID userId, String name, String prefix, Set<Role> roles, Instant createdAt,
		Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

	public boolean usableAt(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

	public String status(Instant now) {
		if (revokedAt != null) {
			return "revoked";
		}
		return expiresAt.isAfter(now) ? "active" : "expired";
	}
}
