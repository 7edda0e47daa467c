package io.charter.exemptions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An exemption as the pages and the API show it.
 *
 * @param subject DEVICE, PERSON or ORGANISATION
 * @param subjectId the device's or person's id, null for the organisation
 * @param person the name of the person it was asked for, or null
 * @param status as the aggregate says: PENDING, APPROVED, REFUSED, REVOKED, EXPIRED, ENDED
 * @param actions the steps the aggregate allows next (APPROVE, REFUSE, REVOKE, RENEW)
 */
public record ExemptionView(UUID id, String clause, String check, String subject, UUID subjectId, UUID personId,
		String person, String reason, String compensating, LocalDate from, LocalDate until, String status,
		int approvalsNeeded, UUID renews, Instant requestedAt, String endedReason, Instant endedAt,
		List<DecisionView> decisions, Set<String> actions) {

	/** A written decision: never changed after it was made. */
	public record DecisionView(String outcome, String text, String decidedBy, Instant decidedAt) {
	}
}
