package io.charter.rights.workflow;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.charter.rights.Channel;
import io.charter.rights.NewRequest;
import io.charter.rights.RequestType;
import io.charter.rights.web.RequestDetails;
import io.charter.rights.web.RequestSummary;

/** {@code /api/v1/rights/requests}: register requests that came by other channels, and read them. */
@RestController
@RequestMapping("/api/v1/rights/requests")
@Tag(name = "Data-subject requests")
class RightsApi {

	/**
	 * @param receivedOn the date the request reached the organisation (the period runs from it);
	 *        today when absent; never in the future
	 * @param answerBy when the deadline from {@code receivedOn} has already passed: the date the
	 *        late acknowledgement promises (else "as soon as possible"); not in the past
	 * @param language en, fr or nl: the language of the letters (default en)
	 */
	record Registration(@NotNull RequestType type, @NotBlank @Size(max = NewRequest.MAX_NAME) String name,
			@NotBlank @Email @Size(max = NewRequest.MAX_EMAIL) String email, @NotNull Channel channel,
			LocalDate receivedOn, @Size(max = NewRequest.MAX_DETAILS) String details,
			@Pattern(regexp = "en|fr|nl") String language, @Pattern(regexp = NewRequest.VISITOR_PATTERN) String visitorId,
			LocalDate answerBy) {
	}

	private final RequestSteps steps;
	private final RequestQueries queries;

	RightsApi(RequestSteps steps, RequestQueries queries) {
		this.steps = steps;
		this.queries = queries;
	}

	@PostMapping
	@Operation(summary = "Register a request received by e-mail, post, phone or another channel; the answer holds dueOn")
	ResponseEntity<RequestDetails> register(@Valid @RequestBody Registration body) {
		RequestDetails created = steps.register(new NewRequest(body.type(), body.name(), body.email(),
				body.language() == null ? "en" : body.language(), body.visitorId(), body.details()), body.channel(),
				body.receivedOn(), body.answerBy());
		return ResponseEntity.created(URI.create("/api/v1/rights/requests/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "Open requests, the most urgent first; closed=true for the latest closed ones")
	List<RequestSummary> list(@RequestParam(defaultValue = "false") boolean closed) {
		return closed ? queries.closedRequests(200) : queries.openRequests();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A request with its history, fulfilment records and packages")
	RequestDetails get(@PathVariable UUID id) {
		return queries.request(id);
	}
}
