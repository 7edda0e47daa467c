package io.charter.premises;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security team's clean-desk spot checks: the list with a new check, and one check with its findings. */
@Controller
class CleanDeskController {

	static final String PATH = "/premises/clean-desk";

	private final CleanDeskSteps steps;
	private final Clock clock;
	private final ZoneId zone;

	CleanDeskController(CleanDeskSteps steps, Clock clock, @Value(PremisesSettings.ZONE) ZoneId zone) {
		this.steps = steps;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping(PATH)
	String list(Model model) {
		return list(model, Map.of("day", LocalDate.now(clock.withZone(zone)).toString()), Map.of());
	}

	@PostMapping(PATH)
	String record(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
		try {
			DeskCheck check = steps.record(values);
			redirect.addFlashAttribute("notice", "premises.desk-check-recorded");
			return "redirect:" + PATH + "/" + check.id();
		}
		catch (VisitSteps.InvalidForm e) {
			return list(model, values, e.problems);
		}
	}

	private String list(Model model, Map<String, String> values, Map<String, String> problems) {
		model.addAttribute("checks", steps.latest());
		model.addAttribute("values", kept(values));
		model.addAttribute("errors", problems);
		return "premises/clean-desk";
	}

	@GetMapping(PATH + "/{id}")
	String one(@PathVariable UUID id, Model model) {
		return one(id, model, Map.of(), Map.of());
	}

	@PostMapping(PATH + "/{id}/findings")
	String finding(@PathVariable UUID id, @RequestParam Map<String, String> values, Model model,
			RedirectAttributes redirect) {
		try {
			steps.addFinding(id, values);
			redirect.addFlashAttribute("notice", "premises.desk-finding-recorded");
			return "redirect:" + PATH + "/" + id;
		}
		catch (VisitSteps.InvalidForm e) {
			return one(id, model, values, e.problems);
		}
	}

	private String one(UUID id, Model model, Map<String, String> values, Map<String, String> problems) {
		model.addAttribute("check", steps.one(id));
		model.addAttribute("values", kept(values));
		model.addAttribute("errors", problems);
		return "premises/clean-desk-check";
	}

	private static Map<String, String> kept(Map<String, String> values) {
		Map<String, String> kept = new HashMap<>(values);
		kept.remove("_csrf");
		return kept;
	}
}
