package io.charter.consent;

import java.time.Instant;

import io.charter.shared.AuditableEvent;

/**
 * A change in the consent module, for the audit trail: catalogue edits, publications, purges.
 * Visitors' consent records are their own proof and are not copied into the audit trail.
 *
 * @param action e.g. {@code consent-site.updated}, {@code declaration.published}, {@code consent-record.purged}
 */
public record ConsentEvent(String actor, String action, String entityType, String entityId, String summary,
		Instant occurredAt) implements AuditableEvent {
}
