package io.charter.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person of the directory as other modules read them.
 *
 * @param email lower-case
 * @param employeeId null when the organisation gave none
 * @param managerId another person of the directory, or null
 * @param language fr, nl or en: the language of messages to them
 */
public record PersonSummary(UUID id, String name, String email, String employeeId, PersonKind kind, String department,
		UUID managerId, LocalDate startDate, LocalDate endDate, PersonStatus status, String language) {

	public boolean active() {
		return status == PersonStatus.ACTIVE;
	}
}
