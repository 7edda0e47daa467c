package io.charter.premises;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.RuleViolation;

/** Every employee's report form, and the security team's list where reports are acknowledged and resolved. */
@Controller
class IncidentsController {

	static final String PATH = "/incidents";
	static final String REPORT = "/incidents/report";
	static final String READERS = "hasAnyRole('ADMIN', 'SECURITY', 'AUDITOR')";

	private final IncidentSteps steps;
	private final Directory directory;

	IncidentsController(IncidentSteps steps, Directory directory) {
		this.steps = steps;
		this.directory = directory;
	}

	@GetMapping(REPORT)
	String form(Authentication user, Model model) {
		return form(directory.signedIn(user).orElse(null), model, Map.of("kind", "unrecognised-person"), Map.of());
	}

	@PostMapping(REPORT)
	String report(@RequestParam Map<String, String> values, Authentication user, Model model,
			RedirectAttributes redirect) {
		PersonSummary reporter = directory.signedIn(user).orElse(null);
		if (reporter == null) {
			return form(null, model, values, Map.of("kind", "premises.error.not-in-directory"));
		}
		try {
			steps.report(reporter, values);
			redirect.addFlashAttribute("notice", "premises.reported");
			return "redirect:" + REPORT;
		}
		catch (VisitSteps.InvalidForm e) {
			return form(reporter, model, values, e.problems);
		}
	}

	private String form(PersonSummary reporter, Model model, Map<String, String> values,
			Map<String, String> problems) {
		model.addAttribute("devices", reporter == null ? List.of() : steps.deviceChoices(reporter));
		Map<String, String> kept = new HashMap<>(values);
		kept.remove("_csrf");
		model.addAttribute("values", kept);
		model.addAttribute("errors", problems);
		return "premises/report";
	}

	@GetMapping(PATH)
	String list(Model model) {
		model.addAttribute("incidents", steps.latest());
		return "premises/incidents";
	}

	@PostMapping(PATH + "/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			steps.acknowledge(id);
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:" + PATH + "#incident-" + id;
	}

	@PostMapping(PATH + "/{id}/resolve")
	String resolve(@PathVariable UUID id, @RequestParam(name = "outcome", required = false) String outcome,
			RedirectAttributes redirect) {
		try {
			steps.resolve(id, outcome);
		}
		catch (VisitSteps.InvalidForm e) {
			redirect.addFlashAttribute("failure", "premises.error.outcome-required");
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:" + PATH + "#incident-" + id;
	}
}
