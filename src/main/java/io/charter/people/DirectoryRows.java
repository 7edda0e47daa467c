package io.charter.people;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where {@link DirectoryChanges} reads and writes people: the table itself, or an import's
 * snapshot of it that answers from memory and writes in batches when the import is done, so both
 * go through the same checks.
 */
interface DirectoryRows {

	Optional<PersonSummary> findById(UUID id);

	Optional<PersonSummary> findByEmail(String email);

	Optional<PersonSummary> findByEmployeeId(String employeeId);

	void insert(PersonSummary person, Instant now);

	void update(PersonSummary person, Instant now);
}
