package io.charter.people.duties;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.charter.people.Directory;
import io.charter.people.PeopleFilter;
import io.charter.people.PersonStatus;
import io.charter.people.PersonSummary;
import io.charter.platform.SpreadsheetCsv;
import io.charter.shared.Duty;

/**
 * "My compliance" for the signed-in person, and the security team's overview: active people by
 * name, a page at a time, with every duty's standing, filtered by department and by a duty's state,
 * totals per duty over the whole filter, and the same as CSV.
 */
@Controller
class ComplianceController {

	static final int PAGE = 50;

	private final Compliance compliance;
	private final Directory directory;

	ComplianceController(Compliance compliance, Directory directory) {
		this.compliance = compliance;
		this.directory = directory;
	}

	@GetMapping("/me/compliance")
	String mine(Authentication authentication, Model model) {
		var person = directory.signedIn(authentication);
		model.addAttribute("inDirectory", person.isPresent());
		model.addAttribute("rows", person.map(compliance::of).orElse(List.of()));
		return "people/my-compliance";
	}

	@GetMapping("/people/compliance")
	String overview(@RequestParam(required = false) String department, @RequestParam(required = false) String duty,
			@RequestParam(required = false) Duty.State state, @RequestParam(defaultValue = "0") int from, Model model) {
		Compliance.Standings standings = standings(department, duty, state);
		List<UUID> ids = standings.matching();
		int start = Math.min(Math.max(0, from), ids.size());
		List<PersonSummary> people = inOrder(ids.subList(start, Math.min(ids.size(), start + PAGE)));
		model.addAttribute("department", department == null ? "" : department);
		model.addAttribute("duty", duty == null ? "" : duty);
		model.addAttribute("state", state);
		model.addAttribute("departments", directory.departments());
		model.addAttribute("duties", standings.duties());
		model.addAttribute("totals", standings.totals());
		model.addAttribute("rows", standings.rows(people));
		model.addAttribute("total", ids.size());
		model.addAttribute("from", start);
		model.addAttribute("pageSize", PAGE);
		return "people/compliance";
	}

	@GetMapping("/people/compliance.csv")
	ResponseEntity<String> export(@RequestParam(required = false) String department,
			@RequestParam(required = false) String duty, @RequestParam(required = false) Duty.State state)
			throws IOException {
		Compliance.Standings standings = standings(department, duty, state);
		List<UUID> ids = standings.matching();
		StringWriter out = new StringWriter();
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		List<String> header = new ArrayList<>(List.of("name", "email", "employee_id", "department"));
		standings.duties().forEach(d -> header.addAll(List.of(d.id() + "_state", d.id() + "_done_on", d.id() + "_due_by")));
		csv.row(header);
		for (int at = 0; at < ids.size(); at += Directory.MAX_PAGE) {
			for (PersonDuties row : standings.rows(inOrder(ids.subList(at, Math.min(ids.size(), at + Directory.MAX_PAGE))))) {
				PersonSummary p = row.person();
				List<String> cells = new ArrayList<>(List.of(p.name(), p.email(), text(p.employeeId()), text(p.department())));
				row.duties().forEach(d -> cells.addAll(d.standing() == null ? List.of("", "", "")
						: List.of(d.standing().state().name(), text(d.standing().doneOn()), text(d.standing().dueBy()))));
				csv.row(cells);
			}
		}
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"compliance.csv\"").body(out.toString());
	}

	/** The active people of the department, by name; with a duty and a state, only those standing there. */
	private Compliance.Standings standings(String department, String dutyId, Duty.State state) {
		return compliance.standings(directory.ids(new PeopleFilter(null, department, null, PersonStatus.ACTIVE)),
				dutyId == null || dutyId.isBlank() ? null : dutyId, state);
	}

	private List<PersonSummary> inOrder(List<UUID> ids) {
		Map<UUID, PersonSummary> found = directory.people(ids);
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}
}
