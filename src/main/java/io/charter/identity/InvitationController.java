package io.charter.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An invited user chooses a password through the one-time link of the invitation e-mail; the page names the account. */
@Controller
class InvitationController {

	private final IdentityManagement identity;

	InvitationController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/invitation/{secret}")
	String form(@PathVariable String secret, Model model) {
		model.addAttribute("secret", secret);
		String account = identity.invitedAccount(secret).map(UserSummary::email).orElse(null);
		model.addAttribute("usable", account != null);
		model.addAttribute("account", account);
		model.addAttribute("error", null);
		return "identity/invitation";
	}

	@PostMapping("/invitation/{secret}")
	String accept(@PathVariable String secret, @RequestParam String password, @RequestParam String confirm,
			Model model) {
		model.addAttribute("secret", secret);
		model.addAttribute("usable", true);
		model.addAttribute("account", identity.invitedAccount(secret).map(UserSummary::email).orElse(null));
		if (!password.equals(confirm)) {
			model.addAttribute("error", "invitation.mismatch");
			return "identity/invitation";
		}
		try {
			identity.acceptInvitation(secret, password);
		}
		catch (WeakPassword e) {
			model.addAttribute("error", e.reason().messageKey());
			return "identity/invitation";
		}
		catch (InvalidUserChange e) {
			model.addAttribute("usable", identity.invitationUsable(secret));
			model.addAttribute("error", "invitation.invalid");
			return "identity/invitation";
		}
		return "redirect:/login?created";
	}
}
