package io.charter.exemptions;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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

import io.charter.exemptions.ExemptionSteps.InvalidExemption;
import io.charter.shared.RuleViolation;

/** The pages: every employee's own exemptions, the security team's queue, one exemption and its decisions. */
@Controller
class ExemptionsController {

	private final ExemptionQueries queries;
	private final ExemptionSteps steps;

	ExemptionsController(ExemptionQueries queries, ExemptionSteps steps) {
		this.queries = queries;
		this.steps = steps;
	}

	@GetMapping(ExemptionMessages.MY_PATH)
	String mine(Model model) {
		return mine(model, Map.of("subject", "PERSON"), Map.of());
	}

	@PostMapping(ExemptionMessages.MY_PATH)
	String ask(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
		try {
			steps.requestSelf(values);
			redirect.addFlashAttribute("notice", "exemptions.asked");
			return "redirect:" + ExemptionMessages.MY_PATH;
		}
		catch (InvalidExemption e) {
			return mine(model, values, e.problems);
		}
		catch (RuleViolation e) {
			return mine(model, values, Map.of("person", e.code()));
		}
	}

	private String mine(Model model, Map<String, String> values, Map<String, String> problems) {
		model.addAttribute("mine", queries.mine().orElse(null));
		model.addAttribute("devices", steps.deviceChoices());
		model.addAttribute("values", kept(values));
		model.addAttribute("errors", problems);
		return "exemptions/mine";
	}

	@GetMapping(ExemptionMessages.QUEUE_PATH)
	String queue(@RequestParam(required = false) String view, @RequestParam(required = false) String clause,
			Model model) {
		ExemptionQueries.View shown = ExemptionQueries.View.of(view);
		model.addAttribute("view", shown.name());
		model.addAttribute("clause", clause == null ? "" : clause);
		model.addAttribute("exemptions", queries.queue(shown, clause));
		return "exemptions/queue";
	}

	@GetMapping(ExemptionMessages.QUEUE_PATH + "/export.csv")
	ResponseEntity<String> export(@RequestParam(required = false) String view,
			@RequestParam(required = false) String clause) {
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"exemptions.csv\"")
				.body(queries.csv(ExemptionQueries.View.of(view), clause));
	}

	@GetMapping(ExemptionMessages.QUEUE_PATH + "/requests/new")
	String add(Model model) {
		return form(model, Map.of("subject", "PERSON"), Map.of());
	}

	@PostMapping(ExemptionMessages.QUEUE_PATH + "/requests")
	String create(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
		try {
			Exemption e = steps.requestFor(values);
			redirect.addFlashAttribute("notice", "exemptions.asked");
			return "redirect:" + ExemptionMessages.QUEUE_PATH + "/requests/" + e.id();
		}
		catch (InvalidExemption e) {
			return form(model, values, e.problems);
		}
	}

	private String form(Model model, Map<String, String> values, Map<String, String> problems) {
		model.addAttribute("devices", steps.deviceChoices());
		model.addAttribute("values", kept(values));
		model.addAttribute("errors", problems);
		return "exemptions/request";
	}

	@GetMapping(ExemptionMessages.QUEUE_PATH + "/requests/{id}")
	String show(@PathVariable UUID id, Model model) {
		return detail(model, id, "", Map.of());
	}

	/** Approve, refuse or revoke; the text typed stays on the page with the field's error when refused. */
	@PostMapping(ExemptionMessages.QUEUE_PATH + "/requests/{id}/{step:approve|refuse|revoke}")
	String decide(@PathVariable UUID id, @PathVariable String step, @RequestParam(defaultValue = "") String text,
			Model model, RedirectAttributes redirect) {
		try {
			switch (step) {
				case "approve" -> steps.approve(id, text);
				case "refuse" -> steps.refuse(id, text);
				default -> steps.revoke(id, text);
			}
			redirect.addFlashAttribute("notice", "exemptions.decided." + step);
			return "redirect:" + ExemptionMessages.QUEUE_PATH + "/requests/" + id;
		}
		catch (InvalidExemption e) {
			return detail(model, id, text, Map.of(step, e.problems.values().iterator().next()));
		}
		catch (RuleViolation e) {
			return detail(model, id, text, Map.of(step, e.code()));
		}
	}

	/** A new request for the same clause, check and subject; its own form's values stay on error. */
	@PostMapping(ExemptionMessages.QUEUE_PATH + "/requests/{id}/renew")
	String renew(@PathVariable UUID id, @RequestParam Map<String, String> values, Model model,
			RedirectAttributes redirect) {
		try {
			Exemption renewal = steps.renew(id, values);
			redirect.addFlashAttribute("notice", "exemptions.renewed");
			return "redirect:" + ExemptionMessages.QUEUE_PATH + "/requests/" + renewal.id();
		}
		catch (InvalidExemption e) {
			model.addAttribute("renewal", kept(values));
			return detail(model, id, "", e.problems);
		}
		catch (RuleViolation e) {
			model.addAttribute("renewal", kept(values));
			return detail(model, id, "", Map.of("renew", e.code()));
		}
	}

	private String detail(Model model, UUID id, String text, Map<String, String> problems) {
		model.addAttribute("exemption", queries.one(id));
		model.addAttribute("text", text);
		model.addAttribute("errors", problems);
		if (!model.containsAttribute("renewal")) {
			model.addAttribute("renewal", Map.of());
		}
		return "exemptions/detail";
	}

	private static Map<String, String> kept(Map<String, String> values) {
		Map<String, String> kept = new HashMap<>(values);
		kept.remove("_csrf");
		return kept;
	}
}
