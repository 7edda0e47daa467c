package io.charter.training;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.identity.CurrentUser;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.shared.RuleViolation;

/** Every employee's page: where they stand, the coming sessions, enrol and cancel. */
@Controller
class EnrolController {

	private final TrainingQueries queries;
	private final TrainingSteps steps;
	private final IdentityManagement identity;

	EnrolController(TrainingQueries queries, TrainingSteps steps, IdentityManagement identity) {
		this.queries = queries;
		this.steps = steps;
		this.identity = identity;
	}

	/** The signed-in user's address, by which the directory knows them. */
	private String email(Authentication auth) {
		return identity.user(CurrentUser.id(auth)).map(UserSummary::email).orElse("");
	}

	@GetMapping(TrainingMessages.ENROL_PATH)
	String page(Authentication auth, Model model) {
		model.addAttribute("own", queries.own(email(auth)).orElse(null));
		return "training/enrol";
	}

	@PostMapping(TrainingMessages.ENROL_PATH + "/{sessionId}")
	String enrol(@PathVariable UUID sessionId, Authentication auth, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("notice",
					"training." + steps.enrolSelf(sessionId, email(auth)).name().toLowerCase(java.util.Locale.ROOT));
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("notice", e.code());
		}
		return "redirect:" + TrainingMessages.ENROL_PATH;
	}

	@PostMapping(TrainingMessages.ENROL_PATH + "/{sessionId}/cancel")
	String cancel(@PathVariable UUID sessionId, Authentication auth, RedirectAttributes redirect) {
		try {
			steps.cancelSelf(sessionId, email(auth));
			redirect.addFlashAttribute("notice", "training.enrolment-cancelled");
		}
		catch (RuleViolation e) {
			redirect.addFlashAttribute("notice", e.code());
		}
		return "redirect:" + TrainingMessages.ENROL_PATH;
	}
}
