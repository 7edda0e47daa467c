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
 */
public record PeopleFilter(String text, String department, PersonKind kind, PersonStatus status) {

	public static PeopleFilter all() {
		return new PeopleFilter(null, null, null, null);
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
