package io.charter.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password": whoever gives an address is told the same, whether an account has it or not,
 * and an active account that signs in with a password gets a one-time reset link by e-mail. The
 * link's page sets a new password once; the user's other sessions end.
 */
@Controller
class PasswordResetController {

	private static final String FORGOT = "identity/forgot";
	private static final String RESET = "identity/reset";

	private final IdentityManagement identity;
	private final ResetRequests requests;
	private final IdentitySettings settings;

	PasswordResetController(IdentityManagement identity, ResetRequests requests, IdentitySettings settings) {
		this.identity = identity;
		this.requests = requests;
		this.settings = settings;
	}

	@GetMapping("/password/forgot")
	String forgot(@RequestParam(required = false) String sent, Model model) {
		model.addAttribute("sent", sent != null);
		model.addAttribute("minutes", settings.resetValidity().toMinutes());
		model.addAttribute("failure", null);
		return FORGOT;
	}

	/** The same redirect for every address (post/redirect/get): a reload sends nothing again. */
	@PostMapping("/password/forgot")
	String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!requests.take(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("sent", false);
			model.addAttribute("minutes", settings.resetValidity().toMinutes());
			model.addAttribute("failure", "forgot.too-many");
			return FORGOT;
		}
		identity.requestPasswordReset(email);
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset/{secret}")
	String form(@PathVariable String secret, Model model) {
		return page(secret, null, model);
	}

	@PostMapping("/password/reset/{secret}")
	String reset(@PathVariable String secret, @RequestParam String password, @RequestParam String confirm,
			Model model) {
		if (!password.equals(confirm)) {
			return page(secret, "invitation.mismatch", model);
		}
		try {
			identity.resetPassword(secret, password);
		}
		catch (WeakPassword e) {
			return page(secret, e.reason().messageKey(), model);
		}
		catch (InvalidUserChange e) {
			return page(secret, "reset.invalid", model);
		}
		return "redirect:/login?created";
	}

	private String page(String secret, String error, Model model) {
		model.addAttribute("secret", secret);
		model.addAttribute("account", identity.resetAccount(secret).map(UserSummary::email).orElse(null));
		model.addAttribute("error", error);
		return RESET;
	}
}
