package io.charter.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which people a list shows; every part optional (null or blank: any).
 *
 * @param text part of the name, e-mail, employee id or department, case-insensitive
 * @param withErased whether people anonymised for an erasure are listed too
 */
public record PeopleFilter(String text, String department, PersonKind kind, PersonStatus status, boolean withErased) {

	/** A filter of the console and the API, where an erased person still shows as a row without a name. */
	public PeopleFilter(String text, String department, PersonKind kind, PersonStatus status) {
		this(text, department, kind, status, true);
	}

	public static PeopleFilter all() {
		return new PeopleFilter(null, null, null, null);
	}

	/** Everyone but the people anonymised for an erasure: to an identity provider they no longer exist. */
	public static PeopleFilter notErased() {
		return new PeopleFilter(null, null, null, null, false);
	}

	public static PeopleFilter active(String department) {
		return new PeopleFilter(null, department, null, PersonStatus.ACTIVE);
	}

	String where() {
		List<String> conditions = new ArrayList<>();
		if (has(text)) {
			conditions.add("(lower(name) like :text or email like :text or lower(employee_id) like :text or lower(department) like :text)");
		}
		if (has(department)) {
			conditions.add("department = :department");
		}
		if (kind != null) {
			conditions.add("kind = :kind");
		}
		if (status != null) {
			conditions.add("status = :status");
		}
		if (!withErased) {
			conditions.add("anonymised_at is null");
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	Map<String, Object> parameters() {
		Map<String, Object> values = new HashMap<>();
		if (has(text)) {
			String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			values.put("text", "%" + escaped + "%");
		}
		if (has(department)) {
			values.put("department", department.strip());
		}
		if (kind != null) {
			values.put("kind", kind.name());
		}
		if (status != null) {
			values.put("status", status.name());
		}
		return values;
	}

	private static boolean has(String value) {
		return value != null && !value.isBlank();
	}
}
