package io.charter.training;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A change to training, recorded in the audit trail: entity {@code training-session}, the session's
 * id. Summaries carry ids and states, never names or addresses.
 */
public sealed interface TrainingEvent extends AuditableEvent {

	String ENTITY = "training-session";

	UUID sessionId();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return sessionId().toString();
	}

	record SessionScheduled(UUID sessionId, String summary, String actor, Instant occurredAt) implements TrainingEvent {

		@Override
		public String action() {
			return "training.session-scheduled";
		}
	}

	record SessionChanged(UUID sessionId, String summary, String actor, Instant occurredAt) implements TrainingEvent {

		@Override
		public String action() {
			return "training.session-changed";
		}
	}

	record SessionCancelled(UUID sessionId, String summary, String actor, Instant occurredAt) implements TrainingEvent {

		@Override
		public String action() {
			return "training.session-cancelled";
		}
	}

	/** A person took a place, or a place on the waiting list ({@code waiting}), or was promoted from it. */
	record Enrolled(UUID sessionId, UUID personId, boolean waiting, String summary, String actor, Instant occurredAt)
			implements TrainingEvent {

		@Override
		public String action() {
			return "training.enrolled";
		}
	}

	record EnrolmentCancelled(UUID sessionId, UUID personId, String summary, String actor, Instant occurredAt)
			implements TrainingEvent {

		@Override
		public String action() {
			return "training.enrolment-cancelled";
		}
	}

	record AttendanceMarked(UUID sessionId, UUID personId, boolean attended, String summary, String actor,
			Instant occurredAt) implements TrainingEvent {

		@Override
		public String action() {
			return "training.attendance-marked";
		}
	}
}
