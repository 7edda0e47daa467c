package io.charter.exemptions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.charter.exemptions.Exemption.ExemptionAlreadyDecided;
import io.charter.exemptions.ExemptionSteps.InvalidExemption;
import io.charter.exemptions.web.ExemptionView;
import io.charter.platform.RefusalProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The security team's exemptions API: the queue, one exemption, requests on a person's behalf, decisions. */
@RestController
@RequestMapping("/api/v1/exemptions")
@Tag(name = "Exemptions")
class ExemptionsApi {

	/** The text of a decision: the approval (written consent) or the reason of a refusal or revocation. */
	record DecisionText(String text) {
	}

	record FieldProblem(String field, String message) {
	}

	private final ExemptionQueries queries;
	private final ExemptionSteps steps;
	private final RefusalProblems refusals;
	private final MessageSource messages;

	ExemptionsApi(ExemptionQueries queries, ExemptionSteps steps, RefusalProblems refusals, MessageSource messages) {
		this.queries = queries;
		this.steps = steps;
		this.refusals = refusals;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The queue: view PENDING (default), EXPIRING (within 30 days), ACTIVE, EXPIRED, REVOKED or ALL; optional clause")
	List<ExemptionView> list(@RequestParam(required = false) String view, @RequestParam(required = false) String clause) {
		return queries.queue(ExemptionQueries.View.of(view), clause);
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@Operation(summary = "The queue as CSV")
	ResponseEntity<String> export(@RequestParam(required = false) String view,
			@RequestParam(required = false) String clause) {
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(queries.csv(ExemptionQueries.View.of(view), clause));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One exemption with its written decisions; 404 when unknown")
	ExemptionView get(@PathVariable UUID id) {
		return queries.one(id);
	}

	@PostMapping
	@Operation(summary = "Ask on a person's behalf (or for the organisation): clause, check, subject, person, device, reason, compensating, from, until; 400 with the fields")
	ResponseEntity<ExemptionView> create(@RequestBody Map<String, String> values) {
		Exemption e = steps.requestFor(values);
		return ResponseEntity.created(URI.create("/api/v1/exemptions/" + e.id())).body(queries.one(e.id()));
	}

	@PostMapping("/{id}/renew")
	@Operation(summary = "A new request for the same clause, check and subject that links this one: reason, compensating, from, until")
	ResponseEntity<ExemptionView> renew(@PathVariable UUID id, @RequestBody Map<String, String> values) {
		Exemption e = steps.renew(id, values);
		return ResponseEntity.created(URI.create("/api/v1/exemptions/" + e.id())).body(queries.one(e.id()));
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve in writing (never by who asked); 409 once decided")
	ExemptionView approve(@PathVariable UUID id, @RequestBody DecisionText body) {
		steps.approve(id, body.text());
		return queries.one(id);
	}

	@PostMapping("/{id}/refuse")
	@Operation(summary = "Refuse with a reason; 409 once decided")
	ExemptionView refuse(@PathVariable UUID id, @RequestBody DecisionText body) {
		steps.refuse(id, body.text());
		return queries.one(id);
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke an approved exemption with a reason")
	ExemptionView revoke(@PathVariable UUID id, @RequestBody DecisionText body) {
		steps.revoke(id, body.text());
		return queries.one(id);
	}

	@ExceptionHandler(InvalidExemption.class)
	ProblemDetail invalid(InvalidExemption e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
		problem.setProperty("errors", e.problems.entrySet().stream().map(p -> new FieldProblem(p.getKey(),
				messages.getMessage(p.getValue(), null, p.getValue(), LocaleContextHolder.getLocale()))).toList());
		return problem;
	}

	@ExceptionHandler(ExemptionAlreadyDecided.class)
	ProblemDetail decided(ExemptionAlreadyDecided e) {
		return refusals.of(HttpStatus.CONFLICT, e);
	}
}
