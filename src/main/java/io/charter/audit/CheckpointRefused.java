package io.charter.audit;

import io.charter.shared.RuleViolation;

/**
 * A checkpoint given to a verification that is not one: not a checkpoint line at all, or not
 * signed with this installation's key (forged, or made with another key). A 400; nothing is
 * verified against it. Said as {@code audit.checkpoint.refused.<reason>} on the page and in the
 * API (its {@code code}); the exception's message is English, for logs.
 */
class CheckpointRefused extends RuleViolation {

	enum Reason {
		MALFORMED, UNSIGNED
	}

	private final Reason reason;

	CheckpointRefused(Reason reason) {
		super("checkpoint", "audit.checkpoint.refused." + reason.name().toLowerCase(java.util.Locale.ROOT), new Object[0],
				reason == Reason.MALFORMED
				? "Not a checkpoint: give one line of the checkpoint file, {\"seq\":…,\"hash\":\"…\",\"at\":\"…\",\"mac\":\"…\"}."
				: "This checkpoint is not signed with this installation's checkpoint key: it was forged or made with another key.");
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}
}
