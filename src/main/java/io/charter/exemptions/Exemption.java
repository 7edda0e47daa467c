package io.charter.exemptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.charter.shared.RuleViolation;
import io.charter.shared.exemption.ExemptionGrant;
import io.charter.shared.exemption.ExemptionSubject;

/**
 * One exemption: asked for a clause (and maybe one check or software item), a subject and a period;
 * approved by the security team in writing, refused, revoked, expired, or ended because its subject
 * disappeared. It guards its own transitions; the decisions themselves are kept apart and never
 * changed ({@link Decision}).
 *
 * @param personId the person of the directory it was asked for (null once anonymised)
 * @param approvalsNeeded how many different SECURITY users must approve it (two for the whole
 *        organisation when {@code charter.exemptions.second-approver-for-organisation} is on)
 * @param renews the exemption this request renews, or null
 * @param requestedBy the actor who asked ({@code user:<id>})
 */
record Exemption(UUID id, String clause, String check, ExemptionSubject subject, UUID personId, String reason,
		String compensating, LocalDate startsOn, LocalDate endsOn, Status status, int approvalsNeeded, UUID renews,
		String requestedBy, Instant requestedAt, String endedReason, String endedBy, Instant endedAt) {

	enum Status {
		/** Asked, waiting for the security team. */
		PENDING,
		/** Approved in writing; in force from its first to its last day. */
		APPROVED,
		REFUSED,
		REVOKED,
		/** Its last day has passed. */
		EXPIRED,
		/** Its subject disappeared (the person left, the device was revoked). */
		ENDED;

		boolean open() {
			return this == PENDING || this == APPROVED;
		}
	}

	enum Action {
		APPROVE, REFUSE, REVOKE, RENEW
	}

	Exemption {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(subject, "subject");
	}

	/** What may be done next, by someone other than who asked (approval) or by anyone allowed (the rest). */
	Set<Action> allowedActions() {
		return switch (status) {
			case PENDING -> EnumSet.of(Action.APPROVE, Action.REFUSE);
			case APPROVED -> EnumSet.of(Action.REVOKE, Action.RENEW);
			case EXPIRED, REVOKED, ENDED -> EnumSet.of(Action.RENEW);
			case REFUSED -> EnumSet.noneOf(Action.class);
		};
	}

	/**
	 * An approval by {@code actor}, after {@code approvalsSoFar} approvals by others: the status it
	 * leads to. Nobody approves their own request, nor approves it twice.
	 */
	Status approvedBy(String actor, boolean alreadyApprovedByActor, int approvalsSoFar) {
		require(Action.APPROVE);
		if (who(actor).equals(who(requestedBy))) {
			throw new RuleViolation(null, "exemptions.error.own-request", new Object[0]);
		}
		if (alreadyApprovedByActor) {
			throw new RuleViolation(null, "exemptions.error.second-approver", new Object[0]);
		}
		return approvalsSoFar + 1 >= approvalsNeeded ? Status.APPROVED : Status.PENDING;
	}

	/** The user behind an actor: the same person through the console or one of their API tokens. */
	static String who(String actor) {
		int token = actor.indexOf("/token:");
		return token < 0 ? actor : actor.substring(0, token);
	}

	void require(Action action) {
		if (!allowedActions().contains(action)) {
			throw new ExemptionAlreadyDecided(id, status);
		}
	}

	/** In force on this day: approved and within its period. */
	boolean inForce(LocalDate day) {
		return status == Status.APPROVED && !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}

	ExemptionGrant grant() {
		return new ExemptionGrant(id, clause, check, subject, startsOn, endsOn);
	}

	/** This exemption closed with a status and reason. */
	Exemption ended(Status to, String why, String actor, Instant at) {
		return new Exemption(id, clause, check, subject, personId, reason, compensating, startsOn, endsOn, to,
				approvalsNeeded, renews, requestedBy, requestedAt, why, actor, at);
	}

	Exemption withStatus(Status to) {
		return new Exemption(id, clause, check, subject, personId, reason, compensating, startsOn, endsOn, to,
				approvalsNeeded, renews, requestedBy, requestedAt, endedReason, endedBy, endedAt);
	}

	/** Refused because the exemption is no longer in the state the step needs (a 409). */
	static class ExemptionAlreadyDecided extends RuleViolation {

		ExemptionAlreadyDecided(UUID id, Status status) {
			super(null, "exemptions.error.already-decided", new Object[0],
					"Exemption " + id + " is " + status + ": the step is not allowed");
		}
	}
}
