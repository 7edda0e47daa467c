package io.charter.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

	/** The audit page at another page of the same search: every criterion kept, each URL-encoded. */
	public String pageLink(int page) {
		StringBuilder link = new StringBuilder("/audit?page=").append(page);
		criterion(link, "action", action);
		criterion(link, "entityType", entityType);
		criterion(link, "entityId", entityId);
		criterion(link, "actor", actor);
		criterion(link, "from", from == null ? null : from.toString());
		criterion(link, "to", to == null ? null : to.toString());
		return link.toString();
	}

	private static void criterion(StringBuilder link, String name, String value) {
		if (value != null && !value.isBlank()) {
			link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}
}
