package io.charter.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a writer gives for a person: every field but the id and status (a leaver is marked through
 * {@link DirectoryChanges#markLeaver}). Checked by {@link DirectoryChanges}; a blank text is none.
 */
public record PersonDetails(String name, String email, String employeeId, PersonKind kind, String department,
		UUID managerId, LocalDate startDate, LocalDate endDate, String language) {

	/** The details of a person as stored, to change a few fields (a patch) and write them back. */
	public static PersonDetails of(PersonSummary person) {
		return new PersonDetails(person.name(), person.email(), person.employeeId(), person.kind(), person.department(),
				person.managerId(), person.startDate(), person.endDate(), person.language());
	}

	/** The same details with another manager (null: none). */
	public PersonDetails withManager(UUID manager) {
		return new PersonDetails(name, email, employeeId, kind, department, manager, startDate, endDate, language);
	}

	/** The same details with another end date (null: none). */
	public PersonDetails withEnd(LocalDate end) {
		return new PersonDetails(name, email, employeeId, kind, department, managerId, startDate, end, language);
	}
}
