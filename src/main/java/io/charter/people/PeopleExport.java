package io.charter.people;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.platform.SpreadsheetCsv;

/**
 * The directory as CSV, in the import's columns (the manager by employee id, else e-mail), so that
 * an exported file imports back unchanged. Cells go through {@link SpreadsheetCsv} against formula
 * injection.
 */
@Service
class PeopleExport {

	private final People people;

	PeopleExport(People people) {
		this.people = people;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY', 'AUDITOR')")
	@Transactional(readOnly = true)
	public void write(PeopleFilter filter, Appendable out) throws IOException {
		List<PersonSummary> all = people.search(filter, 0, Integer.MAX_VALUE);
		Map<UUID, String> refs = new HashMap<>();
		people.search(PeopleFilter.all(), 0, Integer.MAX_VALUE)
				.forEach(p -> refs.put(p.id(), p.employeeId() != null ? p.employeeId() : p.email()));
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		csv.row(CsvRows.COLUMNS);
		for (PersonSummary p : all) {
			csv.row(p.name(), p.email(), text(p.employeeId()), p.kind().name().toLowerCase(Locale.ROOT),
					text(p.department()), p.managerId() == null ? "" : text(refs.get(p.managerId())), date(p.startDate()),
					date(p.endDate()), p.status().name().toLowerCase(Locale.ROOT), p.language());
		}
	}

	/** The filtered directory as one CSV text. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY', 'AUDITOR')")
	@Transactional(readOnly = true)
	public String csv(PeopleFilter filter) throws IOException {
		StringBuilder out = new StringBuilder();
		write(filter, out);
		return out.toString();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static String date(LocalDate date) {
		return date == null ? "" : date.toString();
	}
}
