package io.charter.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.identity.ApiToken;
import io.charter.identity.CurrentUser;
import io.charter.identity.IdentityManagement;
import io.charter.identity.InvalidUserChange;
import io.charter.identity.UserSummary;
import io.charter.identity.web.Confirmation;
import io.charter.identity.web.IssuedToken;
import io.charter.identity.web.TokenListing;
import io.charter.shared.Confirmed;
import io.charter.shared.Role;

/** API tokens of the signed-in user (administrators see and revoke all). */
@Controller
class TokensController {

	private static final String ISSUED = "issued";
	private static final String TOKENS = "redirect:/tokens";

	private final ApiTokenManagement tokens;
	private final IdentityManagement identity;
	private final Clock clock;

	private final MessageSource messages;

	TokensController(ApiTokenManagement tokens, IdentityManagement identity, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.tokens = tokens;
		this.identity = identity;
		this.clock = clock;
	}

	@GetMapping("/tokens")
	String list(Authentication auth, Model model, HttpServletResponse response) {
		IssuedToken issued = model.containsAttribute(ISSUED) ? (IssuedToken) model.getAttribute(ISSUED) : null;
		if (issued != null) {
			// The secret is on this answer only: never cached, never shown again.
			response.setHeader("Cache-Control", "no-store");
		}
		fill(auth, model, issued, (String) model.getAttribute("failure"));
		return "identity/tokens";
	}

	/**
	 * Post/redirect/get: the new secret goes to the next page as a flash attribute of this session,
	 * so a reload of that page neither shows it again nor creates a second token.
	 */
	@PostMapping("/tokens")
	String create(Authentication auth, @RequestParam String name, @RequestParam(required = false) Set<Role> roles,
			@RequestParam(defaultValue = "90") int days, Locale locale, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute(ISSUED, tokens.issue(Caller.of(auth), name, roles == null ? Set.of() : roles,
					clock.instant().plus(Duration.ofDays(Math.max(1, Math.min(days, 366))))));
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", messages.getMessage(e.refusal(), locale));
		}
		return TOKENS;
	}

	/** What revoking the token does, before it is done. */
	@GetMapping("/tokens/{id}/revoke")
	String confirmRevocation(Authentication auth, @PathVariable UUID id, Model model) {
		ApiToken token = tokens.visibleToken(id, Caller.of(auth));
		model.addAttribute("confirmation", new Confirmation("tokens.revoke-title", token.name(),
				List.of("tokens.revoke-stops", "tokens.revoke-final"), "/tokens/" + id + "/revoke", "tokens.revoke",
				"/tokens"));
		return "identity/confirm";
	}

	/** Revokes once confirmed on its page; a bare request (no confirmation) is sent there. */
	@PostMapping("/tokens/{id}/revoke")
	String revoke(Authentication auth, @PathVariable UUID id,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return "redirect:/tokens/" + id + "/revoke";
		}
		tokens.revoke(id, Caller.of(auth));
		redirect.addFlashAttribute("notice", "tokens.revoked");
		return TOKENS;
	}

	private void fill(Authentication auth, Model model, IssuedToken issued, String failure) {
		UUID me = CurrentUser.id(auth);
		boolean admin = CurrentUser.isAdmin(auth);
		var names = identity.users().stream()
				.collect(java.util.stream.Collectors.toMap(UserSummary::id, UserSummary::displayName));
		List<ApiToken> visible = admin ? tokens.allTokens() : tokens.tokensOf(me);
		model.addAttribute("tokens", visible.stream()
				.map(t -> new TokenListing(t, names.getOrDefault(t.userId(), "?"), t.status(clock.instant()))).toList());
		model.addAttribute("myRoles", List.copyOf(Caller.of(auth).roles()));
		model.addAttribute("issued", issued);
		model.addAttribute("failure", failure);
	}
}
