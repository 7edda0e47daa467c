package io.charter.rights.workflow;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.charter.rights.KeptReason;
import io.charter.rights.fulfilment.RequestFulfilment;
import io.charter.rights.web.DataFound;
import io.charter.rights.web.RequestDetails;

/**
 * {@code /api/v1/rights/requests/{id}/<step>}: the workflow steps of the request page, one POST
 * each, answered with the request as it stands after the step. Each calls the same
 * the services method as the page, which checks roles and the request's state.
 */
@RestController
@RequestMapping("/api/v1/rights/requests/{id}")
@Tag(name = "Data-subject requests")
class RequestStepsApi {

	static final int TEXT = 5000;
	static final int REASON = 2000;

	/** @param assigneeId an active PRIVACY or ADMIN user; null unassigns */
	record Assignment(UUID assigneeId) {
	}

	record Note(@NotBlank @Size(max = TEXT) String text) {
	}

	/** @param means how the identity was checked, e.g. "reply from the address on file" */
	record IdentityCheck(@NotBlank @Size(max = 200) String means) {
	}

	/** @param message what the requester should provide; e-mailed to them */
	record Question(@NotBlank @Size(max = TEXT) String message) {
	}

	/** @param reason why the period is extended; e-mailed to the requester */
	record Extension(@NotBlank @Size(max = TEXT) String reason) {
	}

	/** @param answer the answer e-mailed to the requester */
	record Completion(@NotBlank @Size(max = TEXT) String answer) {
	}

	/** @param reasons why the request is refused; e-mailed with the remedies */
	record Refusal(@NotBlank @Size(max = TEXT) String reasons) {
	}

	/** @param reason why the request is closed as withdrawn (not e-mailed) */
	record Withdrawal(@NotBlank @Size(max = TEXT) String reason) {
	}

	/** @param system a module or a system Charter does not reach; @param detail what was kept or done, and why */
	/** {@code reason}: LEGAL_HOLD, NOTHING_HELD or OTHER (the default, which needs the detail). */
	record Recorded(@NotBlank @Size(max = 100) String system, KeptReason reason, @Size(max = REASON) String detail) {
	}

	record SystemRef(@NotBlank @Size(max = 50) String system) {
	}

	/** @param reason why the system's task is closed without its report */
	record SystemOverride(@NotBlank @Size(max = 50) String system, @NotBlank @Size(max = REASON) String reason) {
	}

	private final RequestSteps steps;
	private final RequestFulfilment fulfilment;
	private final RequestQueries queries;

	RequestStepsApi(RequestSteps steps, RequestFulfilment fulfilment, RequestQueries queries) {
		this.steps = steps;
		this.fulfilment = fulfilment;
		this.queries = queries;
	}

	@GetMapping("/data-held")
	@Operation(summary = "Ask every module what it holds on the requester (art. 15(1) information and counts)")
	List<DataFound> dataHeld(@PathVariable UUID id) {
		return queries.dataHeld(id);
	}

	@PostMapping("/assign")
	@Operation(summary = "Assign to an active PRIVACY or ADMIN user, or unassign with null")
	RequestDetails assign(@PathVariable UUID id, @RequestBody Assignment body) {
		steps.assign(id, body.assigneeId());
		return queries.request(id);
	}

	@PostMapping("/note")
	@Operation(summary = "Add an internal note (closed requests too)")
	RequestDetails note(@PathVariable UUID id, @Valid @RequestBody Note body) {
		steps.note(id, body.text());
		return queries.request(id);
	}

	@PostMapping("/send-link")
	@Operation(summary = "E-mail a new single-use verification link; earlier links stop working")
	RequestDetails sendLink(@PathVariable UUID id) {
		steps.sendVerificationLink(id);
		return queries.request(id);
	}

	@PostMapping("/verify")
	@Operation(summary = "Record how the requester's identity was checked")
	RequestDetails verify(@PathVariable UUID id, @Valid @RequestBody IdentityCheck body) {
		steps.recordIdentityCheck(id, body.means());
		return queries.request(id);
	}

	@PostMapping("/start")
	@Operation(summary = "Start handling a verified request")
	RequestDetails start(@PathVariable UUID id) {
		steps.start(id);
		return queries.request(id);
	}

	@PostMapping("/ask")
	@Operation(summary = "E-mail the requester a question; the clock stops until resume")
	RequestDetails ask(@PathVariable UUID id, @Valid @RequestBody Question body) {
		steps.askRequester(id, body.message());
		return queries.request(id);
	}

	@PostMapping("/resume")
	@Operation(summary = "The requester answered: the clock runs again, the due date moves by the days waited")
	RequestDetails resume(@PathVariable UUID id) {
		steps.resume(id);
		return queries.request(id);
	}

	@PostMapping("/extend")
	@Operation(summary = "Extend by two months (within the first month); the reasons are e-mailed")
	RequestDetails extend(@PathVariable UUID id, @Valid @RequestBody Extension body) {
		steps.extend(id, body.reason());
		return queries.request(id);
	}

	@PostMapping("/complete")
	@Operation(summary = "E-mail the answer and close the request")
	RequestDetails complete(@PathVariable UUID id, @Valid @RequestBody Completion body) {
		steps.complete(id, body.answer());
		return queries.request(id);
	}

	@PostMapping("/refuse")
	@Operation(summary = "Refuse (art. 12(5)); the reasons and remedies are e-mailed")
	RequestDetails refuse(@PathVariable UUID id, @Valid @RequestBody Refusal body) {
		steps.refuse(id, body.reasons());
		return queries.request(id);
	}

	@PostMapping("/withdraw")
	@Operation(summary = "Close as withdrawn by the requester (no letter)")
	RequestDetails withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal body) {
		steps.withdraw(id, body.reason());
		return queries.request(id);
	}

	@PostMapping("/package")
	@Operation(summary = "Access, portability: build the response package and e-mail its link")
	RequestDetails deliverPackage(@PathVariable UUID id) {
		fulfilment.deliverPackage(id);
		return queries.request(id);
	}

	@PostMapping("/erase")
	@Operation(summary = "Erasure: every module erases or anonymises; what each did is recorded")
	RequestDetails erase(@PathVariable UUID id) {
		fulfilment.erase(id);
		return queries.request(id);
	}

	@PostMapping("/restrict")
	@Operation(summary = "Restriction, objection: every module flags the data and stops processing them")
	RequestDetails restrict(@PathVariable UUID id) {
		fulfilment.restrict(id);
		return queries.request(id);
	}

	@PostMapping("/withdraw-consent")
	@Operation(summary = "Withdrawal of consent: every module that relies on consent records it")
	RequestDetails withdrawConsent(@PathVariable UUID id) {
		fulfilment.withdrawConsent(id);
		return queries.request(id);
	}

	@PostMapping("/exception")
	@Operation(summary = "Record what was kept and why (art. 17(3)), or what was done by hand elsewhere")
	RequestDetails exception(@PathVariable UUID id, @Valid @RequestBody Recorded body) {
		fulfilment.recordException(id, body.system(), body.reason(), body.detail());
		return queries.request(id);
	}

	@PostMapping("/notify-systems")
	@Operation(summary = "Queue a signed webhook to every system connected for the request's type")
	RequestDetails notifySystems(@PathVariable UUID id) {
		fulfilment.notifySystems(id);
		return queries.request(id);
	}

	@PostMapping("/retry-system")
	@Operation(summary = "Deliver again to a system that failed or reported it could not act")
	RequestDetails retrySystem(@PathVariable UUID id, @Valid @RequestBody SystemRef body) {
		fulfilment.retrySystem(id, body.system());
		return queries.request(id);
	}

	@PostMapping("/override-system")
	@Operation(summary = "Close a system's task without its report, with the reason")
	RequestDetails overrideSystem(@PathVariable UUID id, @Valid @RequestBody SystemOverride body) {
		fulfilment.overrideSystem(id, body.system(), body.reason());
		return queries.request(id);
	}
}
