package io.charter.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user as other modules and pages see it. */
public record UserSummary(UUID id, String email, String displayName, Set<Role> roles, String language,
		boolean active, boolean locked, boolean passwordSet, Instant createdAt, Instant lastLoginAt) {

	public String actorId() {
		return "user:" + id;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}
}
