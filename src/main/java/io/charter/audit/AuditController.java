package io.charter.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: filters, paging, and a chain check, against a checkpoint when one is pasted (ADMIN, AUDITOR). */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;
	static final int MAX_PAGE = 100_000;

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
			@RequestParam(required = false) String checkpoint, Model model) {
		AuditFilter filter = new AuditFilter(action, entityType, entityId, actor, from, to);
		int safePage = Math.max(0, Math.min(page, MAX_PAGE));
		List<AuditEntry> entries = trail.search(filter, safePage, PAGE_SIZE);
		long total = trail.count(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("entries", entries);
		model.addAttribute("total", total);
		model.addAttribute("page", safePage);
		model.addAttribute("pages", (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("checkpoint", checkpoint == null ? "" : checkpoint);
		if (verify) {
			try {
				model.addAttribute("verification", trail.verify(checkpoint));
			}
			catch (CheckpointRefused refused) {
				model.addAttribute("refused", "audit.checkpoint.refused." + refused.reason().name().toLowerCase(Locale.ROOT));
			}
		}
		return "audit/audit";
	}
}
