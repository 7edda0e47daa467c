package io.charter.devices;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.identity.CurrentUser;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.shared.RuleViolation;

/**
 * "My devices": the devices the signed-in employee owns, each check's state with how to fix it,
 * the unapproved software on them, and their requests to approve software.
 */
@Controller
class MyDevicesController {

	static final String PATH = "/my-devices";

	private final MyDevices mine;
	private final SoftwareSteps software;
	private final IdentityManagement identity;

	MyDevicesController(MyDevices mine, SoftwareSteps software, IdentityManagement identity) {
		this.mine = mine;
		this.software = software;
		this.identity = identity;
	}

	@GetMapping(PATH)
	String page(Authentication auth, Locale locale, Model model) {
		String email = email(auth);
		model.addAttribute("fixes", mine.fixes(locale));
		model.addAttribute("titles", mine.titles(locale));
		model.addAttribute("devices", mine.devices(email));
		model.addAttribute("requests", mine.requests(email));
		return "devices/mine";
	}

	@PostMapping(PATH + "/software-requests")
	String request(Authentication auth, @RequestParam(required = false) String name,
			@RequestParam(required = false) String reason, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			software.request(email(auth), name, reason);
		}
		catch (RuleViolation e) {
			model.addAttribute("name", name);
			model.addAttribute("reason", reason);
			model.addAttribute("requestError", "devices.mine.request-invalid");
			return page(auth, locale, model);
		}
		redirect.addFlashAttribute("notice", "devices.mine.requested");
		return "redirect:" + PATH;
	}

	private String email(Authentication auth) {
		return identity.user(CurrentUser.id(auth)).map(UserSummary::email).orElse("");
	}
}
