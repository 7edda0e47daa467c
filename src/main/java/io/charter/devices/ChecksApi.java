package io.charter.devices;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.charter.devices.web.CheckVersionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The checks in the API: read by whoever reads the devices; SECURITY puts a new version of a check,
 * the earlier ones kept (answers stay tied to the version they answered).
 */
@RestController
@Tag(name = "Devices")
class ChecksApi {

	static final String PATH = "/api/v1/devices/checks";

	private final CheckSteps steps;
	private final MessageSource messages;

	ChecksApi(CheckSteps steps, MessageSource messages) {
		this.steps = steps;
		this.messages = messages;
	}

	@GetMapping(PATH)
	@Operation(summary = "Every check as in force now")
	List<CheckVersionView> checks() {
		return steps.checks();
	}

	@GetMapping(PATH + "/{id}")
	@Operation(summary = "Every version of a check, the one in force first")
	List<CheckVersionView> versions(@PathVariable String id) {
		return steps.versions(id);
	}

	@PutMapping(path = PATH + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Puts a new version of a check in force: its query per platform, clause, whether it is asked, title and how-to-fix per language")
	ResponseEntity<?> replace(@PathVariable String id, @RequestBody CheckSteps.Replacement replacement) {
		Map<String, String> errors = steps.replace(id, replacement);
		if (!errors.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					errors.size() + " field(s) are wrong; nothing was written.");
			problem.setTitle("The check has errors");
			problem.setInstance(URI.create(PATH + "/" + id));
			problem.setProperty("errors", errors.entrySet().stream()
					.map(e -> Map.of("field", e.getKey(), "reason", messages.getMessage(e.getValue(), null, Locale.ENGLISH)))
					.toList());
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.ok(steps.versions(id).get(0));
	}
}
