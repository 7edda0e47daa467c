package io.charter.premises.web;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An incident report as the security team's list shows it. */
public record IncidentRow(UUID id, String kind, String place, Instant occurredAt, String description, String device,
		String reporter, String status, Instant reportedAt, Duration timeToAcknowledge, String outcome) {
}
