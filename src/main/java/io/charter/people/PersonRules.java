package io.charter.people;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules one person's details keep on their own (the directory checks uniqueness and the
 * manager). Reasons are key suffixes of the people bundle: {@code people.error.<reason>}.
 */
final class PersonRules {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private PersonRules() {
	}

	/** Each field that breaks a rule, with its reason, in the order of the fields. */
	static Map<String, String> problems(PersonDetails d) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (blank(d.name())) {
			problems.put("name", "required");
		}
		else if (d.name().strip().length() > 200) {
			problems.put("name", "too-long");
		}
		if (blank(d.email())) {
			problems.put("email", "required");
		}
		else if (d.email().strip().length() > 320 || !EMAIL.matcher(d.email().strip()).matches()) {
			problems.put("email", "email");
		}
		if (!blank(d.employeeId()) && d.employeeId().strip().length() > 64) {
			problems.put("employeeId", "too-long");
		}
		if (d.kind() == null) {
			problems.put("kind", "required");
		}
		if (!blank(d.department()) && d.department().strip().length() > 200) {
			problems.put("department", "too-long");
		}
		if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
			problems.put("endDate", "end-before-start");
		}
		if (d.language() != null && !LANGUAGES.contains(d.language())) {
			problems.put("language", "language");
		}
		return problems;
	}

	/** The details as stored: texts stripped, blanks as none, the address lower-case, English by default. */
	static PersonDetails normalised(PersonDetails d) {
		return new PersonDetails(d.name().strip(), People.normalise(d.email()), text(d.employeeId()), d.kind(),
				text(d.department()), d.managerId(), d.startDate(), d.endDate(), d.language() == null ? "en" : d.language());
	}

	static String text(String value) {
		return blank(value) ? null : value.strip();
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
