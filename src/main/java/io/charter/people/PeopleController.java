package io.charter.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.people.web.ImportPreview;
import io.charter.people.web.PeopleListing;
import io.charter.shared.Confirmed;

/**
 * The directory in the console: ADMIN and SECURITY edit, AUDITOR reads. The person form comes back
 * as typed with a message at each field; a leaver is marked after a confirmation page; a CSV file
 * is pasted, previewed with its problems by line, then imported.
 */
@Controller
class PeopleController {

	static final int PAGE = 50;

	private final Directory directory;
	private final DirectoryChanges changes;
	private final PersonForms forms;
	private final PeopleImport imports;
	private final PeopleExport export;

	PeopleController(Directory directory, DirectoryChanges changes, PersonForms forms, PeopleImport imports,
			PeopleExport export) {
		this.directory = directory;
		this.changes = changes;
		this.forms = forms;
		this.imports = imports;
		this.export = export;
	}

	@GetMapping("/people")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
			@RequestParam(required = false) PersonKind kind, @RequestParam(required = false) PersonStatus status,
			@RequestParam(defaultValue = "0") int from, Model model) {
		PeopleFilter filter = new PeopleFilter(q, department, kind, status);
		Directory.Page page = directory.page(filter, from, PAGE);
		model.addAttribute("listing", new PeopleListing(q, department, kind, status, page.people(), page.total(),
				Math.max(0, from), PAGE, directory.departments()));
		return "people/people";
	}

	@GetMapping("/people/{id}")
	String show(@PathVariable UUID id, Model model) {
		PersonSummary person = directory.person(id).orElseThrow(() -> new PersonNotFound(id));
		model.addAttribute("person", person);
		model.addAttribute("manager", person.managerId() == null ? null : directory.person(person.managerId()).orElse(null));
		return "people/person";
	}

	@GetMapping("/people/new")
	String add(Model model) {
		return form(model, null, Map.of("kind", "employee", "language", "en"), Map.of());
	}

	@GetMapping("/people/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		PersonSummary person = directory.person(id).orElseThrow(() -> new PersonNotFound(id));
		return form(model, person, forms.values(person), Map.of());
	}

	@PostMapping("/people")
	String create(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
		return save(null, values, model, redirect);
	}

	@PostMapping("/people/{id}")
	String update(@PathVariable UUID id, @RequestParam Map<String, String> values, Model model,
			RedirectAttributes redirect) {
		directory.person(id).orElseThrow(() -> new PersonNotFound(id));
		return save(id, values, model, redirect);
	}

	private String save(UUID id, Map<String, String> values, Model model, RedirectAttributes redirect) {
		try {
			PersonSummary saved = forms.save(id, values);
			redirect.addFlashAttribute("notice", "people.saved");
			return "redirect:/people/" + saved.id();
		}
		catch (PersonForms.Rejected e) {
			return form(model, id == null ? null : directory.person(id).orElse(null), values, e.problems());
		}
	}

	private String form(Model model, PersonSummary person, Map<String, String> values, Map<String, String> errors) {
		Map<String, String> kept = new HashMap<>(values);
		kept.values().removeIf(java.util.Objects::isNull);
		model.addAttribute("person", person);
		model.addAttribute("values", kept);
		model.addAttribute("errors", errors);
		return "people/edit";
	}

	/** What marking the person a leaver does, with the end date to confirm. */
	@GetMapping("/people/{id}/leave")
	String confirmLeave(@PathVariable UUID id, @RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String error, Model model) {
		PersonSummary person = directory.person(id).orElseThrow(() -> new PersonNotFound(id));
		model.addAttribute("person", person);
		model.addAttribute("endDate", endDate);
		model.addAttribute("error", "end-before-start".equals(error) ? error
				: endDate != null && !endDate.isBlank() && date(endDate) == null ? "date" : null);
		return "people/leave";
	}

	/** Marks a leaver once confirmed on its page; a bare request is sent there first. */
	@PostMapping("/people/{id}/leave")
	String leave(@PathVariable UUID id, @RequestParam(name = Confirmed.FIELD, required = false) String confirmed,
			@RequestParam(name = "end_date", required = false) String endDate, RedirectAttributes redirect) {
		LocalDate end = endDate == null || endDate.isBlank() ? null : date(endDate);
		if (!Confirmed.by(confirmed) || (endDate != null && !endDate.isBlank() && end == null)) {
			redirect.addAttribute("end_date", endDate);
			return "redirect:/people/" + id + "/leave";
		}
		try {
			changes.markLeaver(id, end);
			redirect.addFlashAttribute("notice", "people.left");
		}
		catch (InvalidPerson e) {
			redirect.addAttribute("end_date", endDate);
			redirect.addAttribute("error", e.reason());
			return "redirect:/people/" + id + "/leave";
		}
		return "redirect:/people/" + id;
	}

	@GetMapping("/people/import")
	String importForm(Model model) {
		model.addAttribute("csv", "");
		model.addAttribute("preview", null);
		return "people/import";
	}

	/** Checks the pasted file and shows what an import would do; writes nothing. */
	@PostMapping("/people/import")
	String preview(@RequestParam(defaultValue = "") String csv, Model model) {
		model.addAttribute("csv", csv);
		model.addAttribute("preview", imports.preview(csv.getBytes(StandardCharsets.UTF_8)));
		return "people/import";
	}

	@PostMapping("/people/import/apply")
	String importFile(@RequestParam(defaultValue = "") String csv, @RequestParam(defaultValue = "ALL") PeopleImport.Mode mode,
			Model model, RedirectAttributes redirect) {
		ImportPreview result = imports.apply(csv.getBytes(StandardCharsets.UTF_8), mode);
		if (result.imported() == 0 && !result.clean()) {
			return preview(csv, model);
		}
		redirect.addFlashAttribute("notice", "people.imported");
		return "redirect:/people";
	}

	@GetMapping("/people/export.csv")
	ResponseEntity<String> exportFile() throws IOException {
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"people.csv\"").body(export.csv(PeopleFilter.all()));
	}

	private static LocalDate date(String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
