package io.charter.exemptions;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision of the security team on an exemption: written once and never changed, so the approval
 * text read at audit time is the one the approver wrote. A correction is a new decision.
 *
 * @param text the approval text (the written consent) or the reason of a refusal or revocation
 * @param decidedBy the actor ({@code user:<id>})
 */
record Decision(UUID id, UUID exemptionId, Outcome outcome, String text, String decidedBy, Instant decidedAt) {

	enum Outcome {
		APPROVED, REFUSED, REVOKED
	}
}
