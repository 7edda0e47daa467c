package io.charter.compliance;

import java.security.Principal;
import java.time.LocalDate;
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

import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/** The auditor's evidence packages: ask for one over a period, watch it being built, download it. */
@Controller
class EvidenceController {

	private final EvidencePackages packages;
	private final ComplianceQueries queries;

	EvidenceController(EvidencePackages packages, ComplianceQueries queries) {
		this.packages = packages;
		this.queries = queries;
	}

	@GetMapping("/compliance/evidence")
	String page(Model model) {
		LocalDate today = queries.today();
		return page(model, today.minusYears(1).plusDays(1).toString(), today.toString(), Map.of());
	}

	@PostMapping("/compliance/evidence")
	String start(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			Principal principal, Model model, RedirectAttributes redirect) {
		try {
			packages.start(day(from), day(to), principal.getName());
		}
		catch (RuleViolation e) {
			return page(model, from, to, Map.of(e.field() == null ? "form" : e.field(), e.code()));
		}
		redirect.addFlashAttribute("notice", "compliance.evidence.started");
		return "redirect:/compliance/evidence";
	}

	@GetMapping("/compliance/evidence/{id}.zip")
	ResponseEntity<byte[]> download(@PathVariable UUID id) {
		byte[] zip = packages.zip(id).orElseThrow(() -> new NotFound("Unknown evidence package"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + ".zip\"").body(zip);
	}

	private String page(Model model, String from, String to, Map<String, String> errors) {
		var rows = packages.latest();
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("errors", errors);
		model.addAttribute("packages", rows);
		model.addAttribute("building", rows.stream().anyMatch(r -> r.state().equals("RUNNING")));
		return "compliance/evidence";
	}

	private static LocalDate day(String typed) {
		try {
			return LocalDate.parse(typed);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new RuleViolation("from", "compliance.evidence.error.period", new Object[0]);
		}
	}
}
