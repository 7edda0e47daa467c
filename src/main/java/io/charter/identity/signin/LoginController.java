package io.charter.identity.signin;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.charter.identity.IdentityManagement;
import io.charter.identity.web.LoginProvider;

/**
 * The sign-in page: password form and one button per configured identity provider. On a fresh
 * install it says where the one-time setup link is (the server log), never the link itself.
 */
@Controller
class LoginController {

	private final OidcClients clients;
	private final IdentityManagement identity;
	/** Once there is an administrator the page stops asking the database (there always is one then). */
	private volatile boolean administrator;

	LoginController(OidcClients clients, IdentityManagement identity) {
		this.clients = clients;
		this.identity = identity;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(name = "oidc-error", required = false) String oidcError,
			@RequestParam(required = false) String wait, @RequestParam(required = false) String logout,
			@RequestParam(required = false) String created, @RequestParam(required = false) String unavailable, Model model) {
		model.addAttribute("failure", error != null ? "login.failed" : oidcError != null ? "login.oidc-failed"
				: unavailable != null ? "login.unavailable" : null);
		// Only a number goes back into the page, whatever the link says.
		model.addAttribute("wait", wait != null && wait.matches("[1-9][0-9]{0,5}") ? wait : null);
		model.addAttribute("notice", logout != null ? "login.logged-out" : created != null ? "login.created" : null);
		List<LoginProvider> providers = new ArrayList<>();
		for (ClientRegistration registration : clients) {
			providers.add(new LoginProvider(registration.getClientName(),
					"/oauth2/authorization/" + registration.getRegistrationId()));
		}
		model.addAttribute("providers", providers);
		administrator = administrator || identity.hasAdministrator();
		model.addAttribute("awaitingSetup", !administrator);
		return "identity/login";
	}
}
