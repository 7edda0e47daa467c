package io.charter.identity;

import java.time.Instant;

import io.charter.shared.AuditableEvent;

/**
 * A change to a user or an API token, recorded in the audit trail. The summary names roles, states
 * and token names, never passwords, secrets or e-mail addresses.
 *
 * @param action e.g. {@code user.invited}, {@code user.roles-changed}, {@code token.issued}
 */
public record IdentityEvent(String actor, String action, String entityType, String entityId, String summary,
		Instant occurredAt) implements AuditableEvent {

	static IdentityEvent user(String actor, String verb, java.util.UUID userId, String summary, Instant at) {
		return new IdentityEvent(actor, "user." + verb, "user", userId.toString(), summary, at);
	}

	static IdentityEvent token(String actor, String verb, java.util.UUID tokenId, String summary, Instant at) {
		return new IdentityEvent(actor, "token." + verb, "api-token", tokenId.toString(), summary, at);
	}
}
