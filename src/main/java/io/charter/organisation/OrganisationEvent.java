package io.charter.organisation;

import java.time.Instant;

import io.charter.shared.AuditableEvent;

/**
 * A change to the organisation profile, recorded in the audit trail: entity {@code organisation}
 * {@code profile}. The summary names the fields that changed, never their values (the DPO contact
 * may name a person).
 */
public sealed interface OrganisationEvent extends AuditableEvent {

	String ENTITY = "organisation";
	String PROFILE = "profile";

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return PROFILE;
	}

	/** The admin saved the profile; {@code summary} lists the fields that changed. */
	record ProfileChanged(String summary, String actor, Instant occurredAt) implements OrganisationEvent {

		@Override
		public String action() {
			return ENTITY + ".changed";
		}
	}

	/** The admin confirmed an open question as answered (the value as it stands, or that there is none). */
	record QuestionAnswered(String question, String summary, String actor, Instant occurredAt)
			implements OrganisationEvent {

		@Override
		public String action() {
			return ENTITY + ".question-answered";
		}
	}
}
