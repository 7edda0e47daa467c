package io.charter.devices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.devices.web.CheckVersionView;

/**
 * The checks in the console: everyone who reads the devices reads them and their versions;
 * SECURITY changes one platform's query, the clause, whether it is asked, and how to fix it.
 */
@Controller
class ChecksController {

	static final String PATH = "/devices/checks";

	private final CheckSteps steps;

	ChecksController(CheckSteps steps) {
		this.steps = steps;
	}

	@GetMapping(PATH)
	String list(Model model) {
		model.addAttribute("checks", steps.checks());
		return "devices/checks";
	}

	/** A check, its versions, and the form prefilled with the version in force for a platform. */
	@GetMapping(PATH + "/{id}")
	String show(@PathVariable String id, @RequestParam(defaultValue = "darwin") String platform, Model model) {
		List<CheckVersionView> versions = steps.versions(id);
		CheckVersionView now = versions.get(0);
		String shown = SoftwareSteps.PLATFORMS.contains(platform) ? platform : "darwin";
		return page(versions, typed(new CheckSteps.Change(shown, now.query(shown), now.clause(), now.enabled(),
				now.fixEn(), now.fixFr(), now.fixNl(), now.titleEn(), now.titleFr(), now.titleNl())), Map.of(), model);
	}

	@PostMapping(PATH + "/{id}")
	String change(@PathVariable String id, @RequestParam(required = false) String platform,
			@RequestParam(required = false) String query, @RequestParam(required = false) String clause,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String fixEn,
			@RequestParam(required = false) String fixFr, @RequestParam(required = false) String fixNl,
			@RequestParam(required = false) String titleEn, @RequestParam(required = false) String titleFr,
			@RequestParam(required = false) String titleNl, Model model, RedirectAttributes redirect) {
		var change = new CheckSteps.Change(platform, query, clause, enabled, fixEn, fixFr, fixNl, titleEn, titleFr,
				titleNl);
		Map<String, String> errors = steps.change(id, change);
		if (!errors.isEmpty()) {
			return page(steps.versions(id), typed(change), errors, model);
		}
		redirect.addFlashAttribute("notice", "devices.checks.saved");
		return "redirect:" + PATH + "/" + id;
	}

	private static String page(List<CheckVersionView> versions, Map<String, String> typed, Map<String, String> errors,
			Model model) {
		model.addAttribute("versions", versions);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "devices/check";
	}

	/** The form's fields as shown: a change as typed, or the version in force for a platform. */
	private static Map<String, String> typed(CheckSteps.Change change) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("platform", text(change.platform()));
		typed.put("query", text(change.query()));
		typed.put("clause", text(change.clause()));
		typed.put("enabled", String.valueOf(change.enabled()));
		typed.put("fixEn", text(change.fixEn()));
		typed.put("fixFr", text(change.fixFr()));
		typed.put("fixNl", text(change.fixNl()));
		typed.put("titleEn", text(change.titleEn()));
		typed.put("titleFr", text(change.titleFr()));
		typed.put("titleNl", text(change.titleNl()));
		return typed;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
