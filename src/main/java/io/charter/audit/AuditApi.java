package io.charter.audit;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the audit trail for administrators and auditors. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApi {

	record Page(List<AuditEntry> entries, long total, int page, int size) {
	}

	private final AuditTrail trail;

	AuditApi(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/verify")
	@Operation(summary = "Check the hash chain; names the first altered, removed or reordered entry. With checkpoint= "
			+ "(a line of the checkpoint file), also that the chain still leads to the anchored entry: the only check "
			+ "that catches a rewrite with every later hash recomputed. A checkpoint not signed with the key is a 400")
	ChainVerification verify(@RequestParam(required = false) String checkpoint) {
		return trail.verify(checkpoint);
	}

	@GetMapping
	@Operation(summary = "Search the audit trail, newest first")
	Page search(@RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(AuditController.MAX_PAGE) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		AuditFilter filter = new AuditFilter(action, entityType, entityId, actor, from, to);
		return new Page(trail.search(filter, page, size), trail.count(filter), page, size);
	}
}
