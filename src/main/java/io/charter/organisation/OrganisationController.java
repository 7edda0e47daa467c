package io.charter.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.organisation.web.ProfileForm;

/**
 * The organisation page: ADMIN edits, PRIVACY and AUDITOR read. A form with errors comes back as
 * typed with a message at each field, and nothing of it is saved.
 */
@Controller
class OrganisationController {

	static final String VIEW = "organisation/organisation";

	private final OrganisationManagement organisation;

	OrganisationController(OrganisationManagement organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/organisation")
	String show(Model model) {
		return page(model, organisation.form(), Map.of());
	}

	@PostMapping("/organisation")
	String save(@Valid @ModelAttribute("form") ProfileForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			Map<String, String> errors = new LinkedHashMap<>();
			binding.getFieldErrors().forEach(e -> errors.merge(e.getField(), e.getDefaultMessage(), (a, b) -> a + " " + b));
			return page(model, form, errors);
		}
		organisation.save(form);
		redirect.addFlashAttribute("notice", "organisation.saved");
		return "redirect:/organisation";
	}

	@PostMapping("/organisation/questions/{question}")
	String answer(@PathVariable String question, RedirectAttributes redirect) {
		organisation.answer(question);
		redirect.addFlashAttribute("notice", "organisation.answered");
		return "redirect:/organisation";
	}

	private String page(Model model, ProfileForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("questions", organisation.openQuestions());
		return VIEW;
	}
}
