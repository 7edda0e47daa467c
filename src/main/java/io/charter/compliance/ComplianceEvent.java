package io.charter.compliance;

import java.time.Instant;
import java.util.List;
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

	/**
	 * A clause's mapping to ISO/IEC 27001:2022 Annex A controls and to GDPR / ePrivacy articles changed
	 * (the clause's own words and version did not); the summary keeps the mapping it replaced.
	 */
	record ClauseMapped(String clauseId, int version, List<String> annex, List<String> articles,
			List<String> previousAnnex, List<String> previousArticles, String actor, Instant occurredAt)
			implements ComplianceEvent {

		@Override
		public String action() {
			return ENTITY + ".mapped";
		}

		@Override
		public String summary() {
			return "clause mapped to Annex A " + String.join(", ", annex) + "; articles " + String.join(", ", articles)
					+ " (was Annex A " + String.join(", ", previousAnnex) + "; articles "
					+ String.join(", ", previousArticles) + ")";
		}
	}
}
