package io.charter.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.charter.shared.Role;

/**
 * A user as other modules and pages see it.
 *
 * @param restricted deactivated because its holder asked for restriction of processing (GDPR art. 18)
 * @param erased anonymised on an erasure request (GDPR art. 17)
 */
public record UserSummary(UUID id, String email, String displayName, Set<Role> roles, String language,
		boolean active, boolean passwordSet, Instant createdAt, Instant lastLoginAt,
		boolean restricted, boolean erased) {

	public String actorId() {
		return "user:" + id;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}
}
