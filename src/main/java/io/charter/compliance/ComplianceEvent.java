package io.charter.compliance;

import java.time.Instant;
import java.util.Set;

import io.charter.shared.AuditableEvent;

/**
 * What happened to a clause of the policy, recorded in the audit trail: entity {@code clause}, the
 * clause's id ({@code S1}). Every change names the version it wrote.
 */
public sealed interface ComplianceEvent extends AuditableEvent {

	String ENTITY = "clause";

	String clauseId();

	int version();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return clauseId();
	}

	/** A clause was added to the policy, mapped to these controls. */
	record ClauseAdded(String clauseId, int version, Set<String> controls, String actor, Instant occurredAt)
			implements ComplianceEvent {

		@Override
		public String action() {
			return ENTITY + ".added";
		}

		@Override
		public String summary() {
			return "clause added as version " + version + ", controls " + String.join(", ", controls);
		}
	}

	/** A clause's words or its controls changed; the previous version stays readable. */
	record ClauseReworded(String clauseId, int version, Set<String> controls, String actor, Instant occurredAt)
			implements ComplianceEvent {

		@Override
		public String action() {
			return ENTITY + ".reworded";
		}

		@Override
		public String summary() {
			return "clause reworded as version " + version + ", controls " + String.join(", ", controls);
		}
	}

	/** A clause left the policy: it leaves the table, its versions stay. */
	record ClauseRetired(String clauseId, int version, String actor, Instant occurredAt) implements ComplianceEvent {

		@Override
		public String action() {
			return ENTITY + ".retired";
		}

		@Override
		public String summary() {
			return "clause retired as version " + version;
		}
	}
}
