package io.charter.premises;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.charter.shared.RuleViolation;

/**
 * One incident report and where the security team stands with it: new, acknowledged (the time to
 * acknowledge is measured from the report), resolved with an outcome.
 *
 * @param deviceRef the lost or stolen device's name as it was shown when reported
 * @param deviceId the device chosen from the inventory; null for other kinds or when none was chosen
 * @param reporterId the reporting person of the directory; null once anonymised
 */
record Incident(UUID id, Kind kind, String place, Instant occurredAt, String description, String deviceRef,
		UUID deviceId, UUID reporterId, Status status, Instant reportedAt, Instant acknowledgedAt, Instant resolvedAt,
		String outcome) {

	enum Kind {
		UNRECOGNISED_PERSON, LOST_DEVICE, POLICY_VIOLATION, OTHER
	}

	enum Status {
		NEW, ACKNOWLEDGED, RESOLVED
	}

	Incident acknowledge(Instant at) {
		if (status != Status.NEW) {
			throw new RuleViolation(null, "premises.error.incident-state", new Object[0]);
		}
		return new Incident(id, kind, place, occurredAt, description, deviceRef, deviceId, reporterId,
				Status.ACKNOWLEDGED, reportedAt, at, null, null);
	}

	/** Resolving a new report acknowledges it at the same time. */
	Incident resolve(String withOutcome, Instant at) {
		if (status == Status.RESOLVED) {
			throw new RuleViolation(null, "premises.error.incident-state", new Object[0]);
		}
		return new Incident(id, kind, place, occurredAt, description, deviceRef, deviceId, reporterId, Status.RESOLVED,
				reportedAt, acknowledgedAt == null ? at : acknowledgedAt, at, withOutcome);
	}

	/** From the report to its acknowledgement; null while nobody acknowledged it. */
	Duration timeToAcknowledge() {
		return acknowledgedAt == null ? null : Duration.between(reportedAt, acknowledgedAt);
	}
}
