package io.charter.people;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.charter.people.web.ImportPreview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The directory in the API: ADMIN and SECURITY change it, AUDITOR reads. Refusals are problem
 * details (a field rule: 400 with the field; an unknown person: 404). The CSV import takes the raw
 * file as a {@code text/csv} body, so that its bytes are checked as UTF-8, up to
 * {@code charter.people.max-import} (413 past it).
 */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People")
class PeopleApi {

	/** When a person leaves; today when absent. */
	record Leaving(LocalDate endDate) {
	}

	private final Directory directory;
	private final DirectoryChanges changes;
	private final PeopleImport imports;
	private final PeopleExport export;
	private final PeopleSettings settings;

	PeopleApi(Directory directory, DirectoryChanges changes, PeopleImport imports, PeopleExport export,
			PeopleSettings settings) {
		this.settings = settings;
		this.directory = directory;
		this.changes = changes;
		this.imports = imports;
		this.export = export;
	}

	@GetMapping
	@Operation(summary = "A page of the directory by name, filtered by text, department, kind and status")
	Directory.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
			@RequestParam(required = false) PersonKind kind, @RequestParam(required = false) PersonStatus status,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		return directory.page(new PeopleFilter(q, department, kind, status), offset, limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One person; 404 when unknown")
	PersonSummary get(@PathVariable UUID id) {
		return directory.person(id).orElseThrow(() -> new PersonNotFound(id));
	}

	@PostMapping
	@Operation(summary = "Add a person (active); 400 with the field when a rule refuses it")
	ResponseEntity<PersonSummary> create(@RequestBody PersonDetails details) {
		PersonSummary person = changes.create(details);
		return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a person's details: every field, a missing one is cleared")
	PersonSummary replace(@PathVariable UUID id, @RequestBody PersonDetails details) {
		return changes.replace(id, details);
	}

	@PostMapping("/{id}/leaver")
	@Operation(summary = "Mark a person a leaver (their account is deactivated, their tokens revoked); again: no change")
	PersonSummary leave(@PathVariable UUID id, @RequestBody(required = false) Leaving leaving) {
		return changes.markLeaver(id, leaving == null ? null : leaving.endDate());
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	@Operation(summary = "Check (dryRun=true, the default) or import a CSV file; mode VALID_ROWS imports the valid rows of a file with problems")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv"))
	ImportPreview importFile(HttpServletRequest request, @RequestParam(defaultValue = "true") boolean dryRun,
			@RequestParam(defaultValue = "ALL") PeopleImport.Mode mode) throws IOException {
		byte[] csv = settings.importFile(request.getInputStream(), request.getContentLengthLong());
		return dryRun ? imports.preview(csv) : imports.apply(csv, mode);
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@Operation(summary = "The directory as CSV, in the import's columns")
	ResponseEntity<String> exportFile() throws IOException {
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(export.csv(PeopleFilter.all()));
	}
}
