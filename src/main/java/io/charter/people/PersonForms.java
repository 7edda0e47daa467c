package io.charter.people;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's person form: its values named as the CSV columns, the manager by employee id or
 * e-mail address. Every problem comes back at once, by field, and nothing is saved.
 */
@Service
class PersonForms {

	/** The form's problems by field (CSV column) and reason. */
	static class Rejected extends RuntimeException {

		private final Map<String, String> problems;

		Rejected(Map<String, String> problems) {
			super("Invalid person: " + problems.keySet());
			this.problems = Map.copyOf(problems);
		}

		Map<String, String> problems() {
			return problems;
		}
	}

	private final People people;
	private final DirectoryChanges changes;

	PersonForms(People people, DirectoryChanges changes) {
		this.people = people;
		this.changes = changes;
	}

	/** The form of a stored person. */
	@Transactional(readOnly = true)
	public Map<String, String> values(PersonSummary p) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", p.name());
		values.put("email", p.email());
		values.put("employee_id", p.employeeId());
		values.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
		values.put("department", p.department());
		values.put("manager", Optional.ofNullable(p.managerId()).flatMap(people::findById)
				.map(m -> m.employeeId() != null ? m.employeeId() : m.email()).orElse(null));
		values.put("start_date", p.startDate() == null ? null : p.startDate().toString());
		values.put("end_date", p.endDate() == null ? null : p.endDate().toString());
		values.put("language", p.language());
		return values;
	}

	/** Adds a person ({@code id} null) or replaces one; throws {@link Rejected} with every problem. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public PersonSummary save(UUID id, Map<String, String> values) {
		Map<String, String> problems = new LinkedHashMap<>();
		PersonDetails parsed = PersonCells.details(values::get, problems);
		PersonRules.problems(parsed).forEach((field, reason) -> problems.putIfAbsent(PersonCells.column(field), reason));
		UUID manager = null;
		String ref = PersonRules.text(values.get("manager"));
		if (ref != null) {
			manager = people.findByEmployeeId(ref).or(() -> people.findByEmail(ref)).map(PersonSummary::id).orElse(null);
			if (manager == null) {
				problems.putIfAbsent("manager", "manager-unknown");
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		PersonDetails details = parsed.withManager(manager);
		try {
			return id == null ? changes.create(details) : changes.replace(id, details);
		}
		catch (InvalidPerson e) {
			throw new Rejected(Map.of(PersonCells.column(e.field()), e.reason()));
		}
	}
}
