package io.charter.devices;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.shared.Confirmed;
import io.charter.shared.RuleViolation;

/**
 * The approved-software catalogue, the fleet's unapproved software (approved in one click) and
 * employees' requests, in the console. Removing an entry is confirmed first: what it approved
 * becomes a finding on every device again.
 */
@Controller
class SoftwareController {

	static final String PATH = "/devices/software";
	private static final String BACK = "redirect:" + PATH;

	private final SoftwareSteps steps;

	SoftwareController(SoftwareSteps steps) {
		this.steps = steps;
	}

	@GetMapping(PATH)
	String show(@RequestParam(defaultValue = "0") int page, Model model) {
		return render(page, model);
	}

	/** The page again after a form with errors: the report's first page. */
	private String page(Model model) {
		return render(0, model);
	}

	private String render(int page, Model model) {
		model.addAttribute("catalogue", steps.catalogue());
		model.addAttribute("prohibitions", steps.prohibitions());
		model.addAttribute("unapproved", steps.unapproved(page));
		model.addAttribute("requests", steps.requests());
		return "devices/software";
	}

	@PostMapping(PATH)
	String add(@RequestParam(required = false) String pattern, @RequestParam(required = false) String publisher,
			@RequestParam(required = false) String platform, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		try {
			steps.approve(pattern, publisher, platform, note);
		}
		catch (RuleViolation e) {
			model.addAttribute("typed", Map.of("pattern", text(pattern), "publisher", text(publisher), "platform",
					text(platform), "note", text(note)));
			model.addAttribute("entryError", "devices.software.invalid");
			return page(model);
		}
		redirect.addFlashAttribute("notice", "devices.software.approved");
		return BACK;
	}

	/** One click from the unapproved report: an exact entry of the name on its platform. */
	@PostMapping(PATH + "/approve")
	String approve(@RequestParam String name, @RequestParam(required = false) String platform,
			RedirectAttributes redirect) {
		steps.approve(name, null, SoftwareSteps.PLATFORMS.contains(platform) ? platform : null, null);
		redirect.addFlashAttribute("notice", "devices.software.approved");
		return BACK;
	}

	@GetMapping(PATH + "/{id}/remove")
	String confirmRemove(@PathVariable UUID id, Model model) {
		model.addAttribute("entry", steps.approval(id));
		return "devices/confirm-remove";
	}

	@PostMapping(PATH + "/{id}/remove")
	String remove(@PathVariable UUID id, @RequestParam(name = Confirmed.FIELD, required = false) String confirmed,
			RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return "redirect:" + PATH + "/" + id + "/remove";
		}
		steps.removeApproval(id);
		redirect.addFlashAttribute("notice", "devices.software.removed");
		return BACK;
	}

	@PostMapping(PATH + "/prohibited")
	String prohibit(@RequestParam(required = false) String pattern, @RequestParam(required = false) String platform,
			@RequestParam(required = false) String category, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		try {
			steps.prohibit(pattern, platform, category, note);
		}
		catch (RuleViolation e) {
			model.addAttribute("prohibitionTyped", Map.of("pattern", text(pattern), "platform", text(platform), "category",
					text(category), "note", text(note)));
			model.addAttribute("prohibitionError", "devices.software.invalid");
			return page(model);
		}
		redirect.addFlashAttribute("notice", "devices.software.prohibition-added");
		return BACK;
	}

	@PostMapping(PATH + "/prohibited/{id}/remove")
	String removeProhibition(@PathVariable UUID id, RedirectAttributes redirect) {
		steps.removeProhibition(id);
		redirect.addFlashAttribute("notice", "devices.software.prohibition-removed");
		return BACK;
	}

	@PostMapping(PATH + "/requests/{id}/approve")
	String approveRequest(@PathVariable UUID id, RedirectAttributes redirect) {
		steps.approveRequest(id);
		redirect.addFlashAttribute("notice", "devices.software.request-approved");
		return BACK;
	}

	@PostMapping(PATH + "/requests/{id}/refuse")
	String refuseRequest(@PathVariable UUID id, @RequestParam(required = false) String refusal, Model model,
			RedirectAttributes redirect) {
		try {
			steps.refuseRequest(id, refusal);
		}
		catch (RuleViolation e) {
			model.addAttribute("refusalError", id);
			return page(model);
		}
		redirect.addFlashAttribute("notice", "devices.software.request-refused");
		return BACK;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
