package io.charter.people;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A person's details read from text cells named as the CSV columns (a CSV row, the console form):
 * kind {@code employee} or {@code contractor} in any case, dates as {@code yyyy-mm-dd}. A cell that
 * cannot be read adds its column and reason to {@code problems} and reads as none.
 */
final class PersonCells {

	private PersonCells() {
	}

	static PersonDetails details(Function<String, String> cell, Map<String, String> problems) {
		PersonKind kind = null;
		String kindText = text(cell.apply("kind"));
		if (kindText == null) {
			problems.put("kind", "required");
		}
		else {
			try {
				kind = PersonKind.valueOf(kindText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.put("kind", "kind");
			}
		}
		LocalDate start = date(cell, "start_date", problems);
		LocalDate end = date(cell, "end_date", problems);
		String language = text(cell.apply("language"));
		return new PersonDetails(text(cell.apply("name")), text(cell.apply("email")), text(cell.apply("employee_id")),
				kind, text(cell.apply("department")), null, start, end,
				language == null ? null : language.toLowerCase(Locale.ROOT));
	}

	/** The column of a field of {@link PersonDetails}: {@code employeeId} is {@code employee_id}. */
	static String column(String field) {
		return "managerId".equals(field) ? "manager" : field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
	}

	static PersonStatus status(String value, Map<String, String> problems) {
		if (text(value) == null) {
			return null;
		}
		try {
			return PersonStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.putIfAbsent("status", "status");
			return null;
		}
	}

	private static LocalDate date(Function<String, String> cell, String column, Map<String, String> problems) {
		String value = text(cell.apply(column));
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			problems.put(column, "date");
			return null;
		}
	}

	private static String text(String value) {
		return PersonRules.text(value);
	}
}
