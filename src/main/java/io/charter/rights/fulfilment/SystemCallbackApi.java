package io.charter.rights.fulfilment;

import java.io.InputStream;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * {@code POST /api/v1/rights/callbacks/{taskId}}: a connected system reports what it did. No
 * account: the body is signed with the system's secret, like Charter's delivery to it.
 */
@RestController
@Tag(name = "Data-subject requests")
class SystemCallbackApi {

	private final ConnectedSystems systems;

	SystemCallbackApi(ConnectedSystems systems) {
		this.systems = systems;
	}

	@PostMapping(path = "/api/v1/rights/callbacks/{taskId}", consumes = "application/json")
	@Operation(summary = "A connected system reports on a request it was sent (signed with its secret)")
	ResponseEntity<Void> report(@PathVariable UUID taskId,
			@RequestHeader(name = "X-Charter-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Charter-Signature", required = false) String signature, InputStream body) {
		return switch (systems.report(taskId, timestamp, signature, body)) {
			case ACCEPTED -> ResponseEntity.noContent().build();
			case UNKNOWN -> throw new NotFound("No such task.");
			case BAD_SIGNATURE -> throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Missing, wrong or stale signature.");
			case BAD_BODY -> throw new RuleViolation("Expected {\"status\": \"DONE|NOTHING_HELD|PARTLY|FAILED\", \"records\": n, "
					+ "\"detail\": \"...\"}; for ACCESS and PORTABILITY requests with DONE or PARTLY also \"datasets\": "
					+ "[{\"name\": \"lower-case-name\", \"rows\": [{...}]}] (unique names) and \"information\".");
			case TOO_LARGE -> throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"The report is larger than charter.rights.webhooks.max-report-size.");
			case NOT_WAITING -> throw new ResponseStatusException(HttpStatus.CONFLICT, "This task was already settled.");
		};
	}
}
