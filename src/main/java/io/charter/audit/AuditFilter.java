package io.charter.audit;

import java.time.LocalDate;

/**
 * Search criteria of the audit page and API; every field optional. Dates are kept within the years
 * 1 to 9999, which hold every entry: beyond them the databases cannot compare, and the day after
 * the calendar's last date does not exist.
 */
public record AuditFilter(String action, String entityType, String entityId, String actor, LocalDate from, LocalDate to) {

	private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
	private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

	public AuditFilter {
		from = within(from);
		to = within(to);
	}

	private static LocalDate within(LocalDate date) {
		return date == null ? null : date.isBefore(FIRST) ? FIRST : date.isAfter(LAST) ? LAST : date;
	}

	static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}
}
