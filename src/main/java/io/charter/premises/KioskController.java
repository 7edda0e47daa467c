package io.charter.premises;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.shared.RuleViolation;

/**
 * The reception kiosk: find today's visitor or register a walk-in, check in with a badge, check out
 * by badge. After each step the kiosk is blank again: the next visitor never reads the previous
 * one's name (the notices carry the badge number only).
 */
@Controller
class KioskController {

	static final String PATH = "/kiosk";
	static final String ON_SITE = "/premises/on-site";

	private final VisitQueries queries;
	private final VisitSteps steps;
	private final VisitorNotices notices;

	KioskController(VisitQueries queries, VisitSteps steps, VisitorNotices notices) {
		this.queries = queries;
		this.steps = steps;
		this.notices = notices;
	}

	@GetMapping(PATH)
	String kiosk(@RequestParam(name = "q", required = false) String text, Model model, Locale locale) {
		model.addAttribute("q", text == null ? "" : text.strip());
		model.addAttribute("found", queries.expectedToday(text));
		model.addAttribute("privacy", notices.in(locale));
		return "premises/kiosk";
	}

	@PostMapping(PATH + "/visits/{id}/check-in")
	String checkIn(@PathVariable UUID id, @RequestParam(name = "badge", required = false) String badge,
			RedirectAttributes redirect) {
		try {
			steps.checkIn(id, badge);
			redirect.addFlashAttribute("notice", "premises.checked-in");
			redirect.addFlashAttribute("badge", badge.strip());
		}
		catch (VisitSteps.InvalidForm e) {
			redirect.addFlashAttribute("failure", e.problems.get("badge"));
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:" + PATH;
	}

	@GetMapping(PATH + "/walk-in")
	String walkInForm(Model model, Locale locale) {
		return walkIn(model, Map.of("language", locale.getLanguage()), Map.of(), locale);
	}

	@PostMapping(PATH + "/walk-in")
	String walkIn(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect, Locale locale) {
		try {
			steps.walkIn(values);
			redirect.addFlashAttribute("notice", "premises.checked-in");
			redirect.addFlashAttribute("badge", values.get("badge").strip());
			return "redirect:" + PATH;
		}
		catch (VisitSteps.InvalidForm e) {
			return walkIn(model, values, e.problems, locale);
		}
	}

	/** The walk-in form collects the visitor's data, so it carries the notice of art. 13 as the kiosk does. */
	private String walkIn(Model model, Map<String, String> values, Map<String, String> problems, Locale locale) {
		Map<String, String> kept = new HashMap<>(values);
		kept.remove("_csrf");
		model.addAttribute("values", kept);
		model.addAttribute("errors", problems);
		model.addAttribute("privacy", notices.in(locale));
		return "premises/walk-in";
	}

	@PostMapping(PATH + "/check-out")
	String checkOut(@RequestParam(name = "badge", required = false) String badge, RedirectAttributes redirect) {
		try {
			steps.checkOut(badge);
			redirect.addFlashAttribute("notice", "premises.checked-out");
			redirect.addFlashAttribute("badge", badge.strip());
		}
		catch (VisitSteps.InvalidForm e) {
			redirect.addFlashAttribute("failure", e.problems.get("badge"));
		}
		return "redirect:" + PATH;
	}

	@GetMapping(ON_SITE)
	String onSite(Model model) {
		model.addAttribute("visits", queries.onSite());
		return "premises/on-site";
	}
}
