package io.charter.people.scim;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A SCIM credential was issued or revoked, recorded in the audit trail: entity
 * {@code scim-credential}, the credential's id. The summary names the credential (an identity
 * provider, never a person) and never its secret.
 */
sealed interface ScimCredentialEvent extends AuditableEvent {

	String ENTITY = "scim-credential";

	UUID credentialId();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return credentialId().toString();
	}

	record CredentialIssued(UUID credentialId, String summary, String actor, Instant occurredAt)
			implements ScimCredentialEvent {

		@Override
		public String action() {
			return ENTITY + ".issued";
		}
	}

	record CredentialRevoked(UUID credentialId, String summary, String actor, Instant occurredAt)
			implements ScimCredentialEvent {

		@Override
		public String action() {
			return ENTITY + ".revoked";
		}
	}
}
