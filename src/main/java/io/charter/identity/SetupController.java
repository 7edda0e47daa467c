package io.charter.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.charter.identity.signin.SessionSignIn;
import io.charter.identity.web.SetupForm;
import io.charter.shared.NotFound;

/**
 * First start without configured administrator: the one-time link from the log creates one. The
 * link is claimed in the same transaction as the administrator is created, so it makes one only;
 * the new administrator is signed in and lands on the dashboard.
 */
@Controller
class SetupController {

	private final FirstAdmin firstAdmin;
	private final IdentityManagement identity;

	SetupController(FirstAdmin firstAdmin, IdentityManagement identity) {
		this.firstAdmin = firstAdmin;
		this.identity = identity;
	}

	@GetMapping("/setup")
	String form(@RequestParam(required = false) String token, Model model) {
		if (!firstAdmin.accepts(token)) {
			throw new NotFound("No setup in progress");
		}
		model.addAttribute("form", new SetupForm(token, "", "", ""));
		model.addAttribute("error", null);
		return "identity/setup";
	}

	@PostMapping("/setup")
	String create(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!firstAdmin.accepts(form.token())) {
			throw new NotFound("No setup in progress");
		}
		if (errors.hasErrors()) {
			model.addAttribute("form", new SetupForm(form.token(), form.email(), form.displayName(), ""));
			model.addAttribute("error", "setup.invalid");
			return "identity/setup";
		}
		UserSummary admin;
		try {
			admin = identity.setUpFirstAdmin(form.token(), form.email(), form.displayName(), form.password());
		}
		catch (InvalidUserChange e) {
			model.addAttribute("form", new SetupForm(form.token(), form.email(), form.displayName(), ""));
			model.addAttribute("error", e instanceof WeakPassword weak ? weak.reason().messageKey() : "setup.invalid");
			return "identity/setup";
		}
		// They just chose the password: signing in again with it would prove nothing more.
		identity.account(admin.id()).ifPresent(account -> SessionSignIn.signIn(request, response, account));
		identity.recordLogin(admin.id(), "setup");
		return "redirect:/";
	}
}
