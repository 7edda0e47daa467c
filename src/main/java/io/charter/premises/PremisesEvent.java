package io.charter.premises;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A change on the premises, recorded in the audit trail. Summaries carry ids, states and counts,
 * never a visitor's or a reporter's name.
 */
public sealed interface PremisesEvent extends AuditableEvent {

	/** A change to one visit: entity {@code visit}, the visit's id. */
	sealed interface VisitEvent extends PremisesEvent {

		String ENTITY = "visit";

		UUID visitId();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return visitId().toString();
		}
	}

	record VisitRegistered(UUID visitId, boolean walkIn, String summary, String actor, Instant occurredAt)
			implements VisitEvent {

		@Override
		public String action() {
			return "premises.visit-registered";
		}
	}

	record VisitorCheckedIn(UUID visitId, UUID hostId, String summary, String actor, Instant occurredAt)
			implements VisitEvent {

		@Override
		public String action() {
			return "premises.visitor-checked-in";
		}
	}

	record VisitorCheckedOut(UUID visitId, String summary, String actor, Instant occurredAt) implements VisitEvent {

		@Override
		public String action() {
			return "premises.visitor-checked-out";
		}
	}

	/** A visitor's data cleared, at the end of the retention period or at an erasure request. */
	record VisitAnonymised(UUID visitId, String summary, String actor, Instant occurredAt) implements VisitEvent {

		@Override
		public String action() {
			return "premises.visit-anonymised";
		}
	}

	/** The retention job cleared every visit past the period: entity {@code visit} {@code retention}. */
	record VisitsAnonymised(int visits, String summary, String actor, Instant occurredAt) implements PremisesEvent {

		@Override
		public String action() {
			return "premises.visits-anonymised";
		}

		@Override
		public String entityType() {
			return VisitEvent.ENTITY;
		}

		@Override
		public String entityId() {
			return "retention";
		}
	}

	/** A change to one incident report: entity {@code incident}, the report's id. */
	sealed interface IncidentEvent extends PremisesEvent {

		String ENTITY = "incident";

		UUID incidentId();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return incidentId().toString();
		}
	}

	/** A report came in; {@code alert} when the manager and the security team were alerted at once. */
	record IncidentReported(UUID incidentId, String kind, boolean alert, String summary, String actor, Instant occurredAt)
			implements IncidentEvent {

		@Override
		public String action() {
			return "premises.incident-reported";
		}
	}

	record IncidentAcknowledged(UUID incidentId, String summary, String actor, Instant occurredAt)
			implements IncidentEvent {

		@Override
		public String action() {
			return "premises.incident-acknowledged";
		}
	}

	record IncidentResolved(UUID incidentId, String summary, String actor, Instant occurredAt) implements IncidentEvent {

		@Override
		public String action() {
			return "premises.incident-resolved";
		}
	}

	/** A change to one clean-desk spot check: entity {@code clean-desk-check}, the check's id. */
	sealed interface DeskCheckEvent extends PremisesEvent {

		String ENTITY = "clean-desk-check";

		UUID checkId();

		@Override
		default String entityType() {
			return ENTITY;
		}

		@Override
		default String entityId() {
			return checkId().toString();
		}
	}

	record DeskCheckRecorded(UUID checkId, int desksChecked, String summary, String actor, Instant occurredAt)
			implements DeskCheckEvent {

		@Override
		public String action() {
			return "premises.desk-check-recorded";
		}
	}

	/** A finding on one desk; {@code notified} when the person whose desk it is was e-mailed. */
	record DeskFindingRecorded(UUID checkId, UUID findingId, boolean notified, String summary, String actor,
			Instant occurredAt) implements DeskCheckEvent {

		@Override
		public String action() {
			return "premises.desk-finding-recorded";
		}
	}
}
