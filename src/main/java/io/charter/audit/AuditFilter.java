package io.charter.audit;

import java.time.LocalDate;

/** Search criteria of the audit page and API; every field optional. */
public record AuditFilter(String action, String entityType, String entityId, String actor, LocalDate from, LocalDate to) {

	static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}
}
