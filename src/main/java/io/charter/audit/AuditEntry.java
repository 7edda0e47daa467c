package io.charter.audit;

import java.time.Instant;

/** One line of the audit trail. {@code hash} covers every other field and the previous entry's hash. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String entityType,
		String entityId, String summary, String prevHash, String hash) {
}
