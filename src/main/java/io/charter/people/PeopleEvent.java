package io.charter.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A change to the directory, recorded in the audit trail: entity {@code person}, the person's id.
 * Summaries name the fields that changed, never their values (names and addresses stay out of the
 * trail). Training and policies listen to joins and leaves; identity ends a leaver's account.
 */
public sealed interface PeopleEvent extends AuditableEvent {

	String ENTITY = "person";

	UUID personId();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return personId().toString();
	}

	/** A person was added to the directory (console, import or provisioning). */
	record PersonJoined(UUID personId, LocalDate startDate, String summary, String actor, Instant occurredAt)
			implements PeopleEvent {

		@Override
		public String action() {
			return ENTITY + ".joined";
		}
	}

	/** A person's details changed; {@code summary} names the fields. */
	record PersonChanged(UUID personId, String summary, String actor, Instant occurredAt) implements PeopleEvent {

		@Override
		public String action() {
			return ENTITY + ".changed";
		}
	}

	/**
	 * A person became a leaver. {@code email} is the address they had, so that identity can end the
	 * account of that address; it is not part of the summary.
	 */
	record PersonLeft(UUID personId, String email, LocalDate endDate, String summary, String actor, Instant occurredAt)
			implements PeopleEvent {

		@Override
		public String action() {
			return ENTITY + ".left";
		}
	}

	/** A person's record was anonymised for an erasure; the row stays for the records that point at it. */
	record PersonAnonymised(UUID personId, String summary, String actor, Instant occurredAt) implements PeopleEvent {

		@Override
		public String action() {
			return ENTITY + ".anonymised";
		}
	}
}
