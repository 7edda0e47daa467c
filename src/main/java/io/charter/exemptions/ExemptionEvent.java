package io.charter.exemptions;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A step of an exemption, recorded in the audit trail: entity {@code exemption}, its id. Summaries
 * carry the clause, check, states and dates, never names or the free text.
 */
public sealed interface ExemptionEvent extends AuditableEvent {

	String ENTITY = "exemption";

	UUID exemptionId();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return exemptionId().toString();
	}

	/** Asked for; {@code renews} is the exemption it renews, or null. */
	record ExemptionRequested(UUID exemptionId, String clause, UUID renews, String summary, String actor,
			Instant occurredAt) implements ExemptionEvent {

		@Override
		public String action() {
			return "exemption.requested";
		}
	}

	/** Approved in writing by one approver; {@code inForce} once every approval needed is given. */
	record ExemptionApproved(UUID exemptionId, boolean inForce, String summary, String actor, Instant occurredAt)
			implements ExemptionEvent {

		@Override
		public String action() {
			return "exemption.approved";
		}
	}

	record ExemptionRefused(UUID exemptionId, String summary, String actor, Instant occurredAt)
			implements ExemptionEvent {

		@Override
		public String action() {
			return "exemption.refused";
		}
	}

	record ExemptionRevoked(UUID exemptionId, String summary, String actor, Instant occurredAt)
			implements ExemptionEvent {

		@Override
		public String action() {
			return "exemption.revoked";
		}
	}

	record ExemptionExpired(UUID exemptionId, String summary, String actor, Instant occurredAt)
			implements ExemptionEvent {

		@Override
		public String action() {
			return "exemption.expired";
		}
	}

	/** Ended because its subject disappeared (a person left, a device was revoked). */
	record ExemptionEnded(UUID exemptionId, String summary, String actor, Instant occurredAt)
			implements ExemptionEvent {

		@Override
		public String action() {
			return "exemption.ended";
		}
	}
}
