package io.charter.people.web;

import java.util.List;

import io.charter.people.PersonKind;
import io.charter.people.PersonStatus;
import io.charter.people.PersonSummary;

/** One page of the directory list with the filter that chose it. */
public record PeopleListing(String q, String department, PersonKind kind, PersonStatus status,
		List<PersonSummary> people, int total, int from, int pageSize, List<String> departments) {

	public boolean hasPrevious() {
		return from > 0;
	}

	public boolean hasNext() {
		return from + pageSize < total;
	}

	/** The query string of this filter at another offset. */
	public String link(int offset) {
		StringBuilder s = new StringBuilder("/people?from=").append(Math.max(0, offset));
		append(s, "q", q);
		append(s, "department", department);
		append(s, "kind", kind == null ? null : kind.name());
		append(s, "status", status == null ? null : status.name());
		return s.toString();
	}

	private static void append(StringBuilder s, String name, String value) {
		if (value != null && !value.isBlank()) {
			s.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
		}
	}
}
