package io.charter.devices.mdm;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.charter.devices.DevicesSettings;
import io.charter.devices.web.ImportProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * MDM exports in the API (SECURITY): the file as the body, CSV or JSON. A file with problems is
 * answered 422 with every problem (line, field, reason) and nothing written, unless
 * {@code validRowsOnly=true}, which imports the valid rows and lists the others.
 */
@RestController
@Tag(name = "Devices")
class MdmImportApi {

	static final String PATH = "/api/v1/devices/import";

	/** What was imported, and the rows left out (only with {@code validRowsOnly}). */
	record Imported(int created, int updated, List<Map<String, Object>> errors) {
	}

	private final MdmImport imports;
	private final DevicesSettings settings;
	private final MessageSource messages;

	MdmImportApi(MdmImport imports, DevicesSettings settings, MessageSource messages) {
		this.messages = messages;
		this.imports = imports;
		this.settings = settings;
	}

	@PostMapping(path = PATH, consumes = { "text/csv", MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Imports an MDM export (Intune, Jamf, Google endpoint management) as CSV or JSON, upserting devices by serial number")
	ResponseEntity<?> importFile(@RequestBody byte[] file, @RequestParam(defaultValue = "false") boolean validRowsOnly) {
		if (file.length > settings.maxImport().toBytes()) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "The file is too large",
					"The file is larger than charter.devices.max-import.", List.of());
		}
		MdmImport.Outcome outcome = imports.apply(file, validRowsOnly);
		if (!outcome.written()) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "The file has errors",
					outcome.problems().size() + " problem(s); nothing was imported.", outcome.problems());
		}
		return ResponseEntity.ok(new Imported(outcome.created(), outcome.updated(), errors(outcome.problems())));
	}

	/** Each problem as line, field (when about one) and reason, in English as the API speaks. */
	private List<Map<String, Object>> errors(List<ImportProblem> problems) {
		return problems.stream().map(e -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("line", e.line());
			if (e.field() != null) {
				error.put("field", e.field());
			}
			error.put("reason", messages.getMessage(e.key(), new Object[] { e.value() }, Locale.ENGLISH));
			return error;
		}).toList();
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			List<ImportProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(PATH));
		problem.setProperty("errors", errors(errors));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
