package io.charter.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.CsvRows.Row;
import io.charter.people.web.ImportPreview;
import io.charter.people.web.ImportPreview.Line;
import io.charter.people.web.ImportPreview.Problem;

/**
 * The CSV import: a preview that checks every row (against the file and the directory) and names
 * each problem by line, field and reason; then the import, all in one transaction, refused while
 * the file has problems unless only the valid rows are asked for. Rows match people by employee id
 * or, without one, e-mail address, so importing the same file twice changes nothing.
 */
@Service
class PeopleImport {

	/** What an import may do with a file that has problems. */
	enum Mode {
		ALL, VALID_ROWS
	}

	private final DirectoryChanges changes;

	PeopleImport(DirectoryChanges changes) {
		this.changes = changes;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional(readOnly = true)
	public ImportPreview preview(byte[] csv) {
		return check(CsvRows.read(csv), changes.batch()).preview();
	}

	/** Imports the file; refused (nothing written) while it has problems and {@code mode} is {@link Mode#ALL}. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public ImportPreview apply(byte[] csv, Mode mode) {
		// One read of the directory, then every check and change in memory; the writes go out in batches.
		DirectoryChanges.Batch batch = changes.batch();
		Checked checked = check(CsvRows.read(csv), batch);
		ImportPreview preview = checked.preview();
		if (!preview.problems().isEmpty() && (mode == Mode.ALL || preview.fileProblem())) {
			return preview;
		}
		Map<Long, UUID> ids = new HashMap<>();
		for (Candidate c : checked.valid()) {
			PersonDetails details = c.details();
			UUID manager = c.managerRef() == null ? null : managerInDirectory(batch, c.managerRef()).orElse(null);
			PersonSummary person = batch.upsert(details.withManager(manager));
			ids.put(c.row().line(), person.id());
		}
		// Managers added by this same file exist only now.
		for (Candidate c : checked.valid()) {
			if (c.managerRef() != null) {
				UUID id = ids.get(c.row().line());
				UUID manager = managerInDirectory(batch, c.managerRef()).orElse(null);
				if (!Objects.equals(batch.byId(id).map(PersonSummary::managerId).orElse(null), manager)) {
					batch.change(id, d -> d.withManager(manager));
				}
			}
			UUID id = ids.get(c.row().line());
			if (c.status() == PersonStatus.LEAVER) {
				batch.markLeaver(id, c.details().endDate());
			}
			else if (c.status() == PersonStatus.ACTIVE) {
				batch.reinstate(id);
			}
		}
		batch.finish();
		return preview.imported(checked.valid().size());
	}

	private static Optional<UUID> managerInDirectory(DirectoryChanges.Batch directory, String ref) {
		return directory.byEmployeeId(ref).or(() -> directory.byEmail(ref)).map(PersonSummary::id);
	}

	private record Candidate(Row row, PersonDetails details, String managerRef, PersonStatus status, Line line) {
	}

	private record Checked(List<Candidate> valid, List<Line> lines, List<Problem> problems, boolean fileProblem) {

		ImportPreview preview() {
			return new ImportPreview(lines, problems, fileProblem, valid.size(), 0);
		}
	}

	private Checked check(CsvRows file, DirectoryChanges.Batch directory) {
		if (!file.problems().isEmpty()) {
			return new Checked(List.of(), List.of(), file.problems(), true);
		}
		Map<String, Long> employeeIds = new HashMap<>();
		Map<String, Long> emails = new HashMap<>();
		for (Row row : file.rows()) {
			count(employeeIds, row.get("employee_id"), row.line());
			count(emails, People.normalise(row.get("email")), row.line());
		}
		List<Candidate> candidates = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Set<Long> invalid = new HashSet<>();
		for (Row row : file.rows()) {
			Map<String, String> rowProblems = new LinkedHashMap<>();
			PersonDetails details = PersonCells.details(row::get, rowProblems);
			if (details != null) {
				PersonRules.problems(details).forEach((field, reason) -> rowProblems.putIfAbsent(PersonCells.column(field), reason));
			}
			String employeeId = row.get("employee_id");
			String email = People.normalise(row.get("email"));
			if (employeeId != null && employeeIds.get(employeeId) < 0) {
				rowProblems.putIfAbsent("employee_id", "duplicate-employee-id");
			}
			if (email != null && emails.get(email) < 0) {
				rowProblems.putIfAbsent("email", "duplicate-email");
			}
			if (rowProblems.isEmpty()) {
				rowProblems.putAll(againstDirectory(directory, employeeId, email));
			}
			PersonStatus status = PersonCells.status(row.get("status"), rowProblems);
			Line line = line(directory, row, employeeId, email);
			if (!rowProblems.isEmpty()) {
				invalid.add(row.line());
				rowProblems.forEach((field, reason) -> problems.add(new Problem(row.line(), field, reason)));
			}
			candidates.add(new Candidate(row, details, row.get("manager"), status, line));
		}
		// A manager must be a valid row of the file or a person of the directory.
		Set<String> validRefs = new HashSet<>();
		for (Candidate c : candidates) {
			if (!invalid.contains(c.row().line())) {
				Optional.ofNullable(c.row().get("employee_id")).ifPresent(validRefs::add);
				validRefs.add(People.normalise(c.row().get("email")));
			}
		}
		List<Candidate> valid = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (Candidate c : candidates) {
			String ref = c.managerRef();
			boolean known = ref == null || validRefs.contains(ref) || validRefs.contains(People.normalise(ref))
					|| managerInDirectory(directory, ref).isPresent();
			if (!known && !invalid.contains(c.row().line())) {
				invalid.add(c.row().line());
				problems.add(new Problem(c.row().line(), "manager", "manager-unknown"));
			}
			boolean ok = !invalid.contains(c.row().line());
			lines.add(c.line().valid(ok));
			if (ok) {
				valid.add(c);
			}
		}
		problems.sort(java.util.Comparator.comparingLong(Problem::line));
		return new Checked(valid, lines, problems, false);
	}

	/** E-mail of another person than the employee id's: the row would take over someone's address. */
	private static Map<String, String> againstDirectory(DirectoryChanges.Batch directory, String employeeId, String email) {
		if (employeeId == null || email == null) {
			return Map.of();
		}
		Optional<PersonSummary> byId = directory.byEmployeeId(employeeId);
		Optional<PersonSummary> byEmail = directory.byEmail(email);
		if (byEmail.isPresent() && !byEmail.get().id().equals(byId.map(PersonSummary::id).orElse(null))
				&& (byId.isPresent() || byEmail.get().employeeId() != null)) {
			return Map.of("email", "email-taken");
		}
		return Map.of();
	}

	private static Line line(DirectoryChanges.Batch directory, Row row, String employeeId, String email) {
		Optional<PersonSummary> existing = employeeId != null ? directory.byEmployeeId(employeeId)
				: Optional.ofNullable(email).flatMap(directory::byEmail);
		String action = existing.isEmpty() ? "new" : "update";
		return new Line(row.line(), row.get("name"), email, employeeId, action, true);
	}

	private static void count(Map<String, Long> seen, String key, long line) {
		if (key != null) {
			// A key seen twice is marked negative: every row that carries it is a duplicate.
			seen.merge(key, line, (a, b) -> -1L);
		}
	}
}
