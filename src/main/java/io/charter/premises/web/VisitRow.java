package io.charter.premises.web;

import java.time.Instant;
import java.util.UUID;

/** A visit as the kiosk, the on-site list and the host's page show it. */
public record VisitRow(UUID id, String visitor, String company, Instant expectedAt, String host, boolean escort,
		boolean walkIn, String badge, Instant checkedInAt, Instant checkedOutAt, String status) {
}
