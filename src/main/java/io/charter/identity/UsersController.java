package io.charter.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.identity.web.Confirmation;
import io.charter.identity.web.InviteForm;
import io.charter.shared.Confirmed;
import io.charter.shared.Role;

/**
 * Administration of users: invite, change roles, deactivate, send a password reset (ADMIN; AUDITOR
 * may look). Without SMTP, the administrator who invites someone or sends a reset is shown the link
 * once, to hand it over: the POST redirects (post/redirect/get) with the link as a flash attribute
 * of that administrator's session only, so a reload neither shows it again nor issues a second one.
 * Deactivation is confirmed on a page of its own first.
 */
@Controller
class UsersController {

	/** Flash attributes of the one page that shows a fresh one-time link. */
	static final String LINK = "invitationLink";
	static final String INVITEE = "invitee";
	static final String LINK_TITLE = "linkTitle";

	private static final String USERS = "redirect:/admin/users";

	private final IdentityManagement identity;
	private final MessageSource messages;

	UsersController(IdentityManagement identity, MessageSource messages) {
		this.identity = identity;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	String list(Model model, HttpServletResponse response) {
		if (model.containsAttribute(LINK)) {
			// The link is on this answer only: never cached, never shown again.
			response.setHeader("Cache-Control", "no-store");
		}
		model.addAttribute("users", identity.users());
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("form", new InviteForm("", "", EnumSet.of(Role.EMPLOYEE), "en"));
		model.addAttribute("error", null);
		return "identity/users";
	}

	@PostMapping("/admin/users")
	String invite(@Valid @ModelAttribute("form") InviteForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		String error = errors.hasErrors() ? "users.invalid" : null;
		if (error == null) {
			try {
				handOver(identity.invite(form.email(), form.displayName(), form.roles(), form.language()),
						"users.link-title", "users.invite-sent", redirect);
				return USERS;
			}
			catch (InvalidUserChange e) {
				error = "users.exists";
			}
		}
		model.addAttribute("users", identity.users());
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return "identity/users";
	}

	/** The invitation again, for an invited user who lost it or let it expire; the unused one stops working. */
	@PostMapping("/admin/users/{id}/invitation")
	String renewInvitation(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
		try {
			handOver(identity.renewInvitation(id), "users.link-title", "users.invite-sent", redirect);
		}
		catch (InvalidUserChange e) {
			refuse(redirect, "users.no-invitation", locale);
		}
		return USERS;
	}

	/** A password reset link for the user, sent (or handed over) as an invitation is. */
	@PostMapping("/admin/users/{id}/password-reset")
	String sendPasswordReset(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
		try {
			handOver(identity.sendPasswordReset(id), "users.reset-link-title", "users.reset-sent", redirect);
		}
		catch (InvalidUserChange e) {
			refuse(redirect, "users.reset-refused", locale);
		}
		return USERS;
	}

	/** With SMTP the link goes by e-mail only; without, the administrator sees it on the next page. */
	private static void handOver(IssuedInvitation issued, String title, String sent, RedirectAttributes redirect) {
		if (issued.handOver()) {
			redirect.addFlashAttribute(LINK, issued.link());
			redirect.addFlashAttribute(INVITEE, issued.user().displayName());
			redirect.addFlashAttribute(LINK_TITLE, title);
		}
		else {
			redirect.addFlashAttribute("notice", sent);
		}
	}

	@PostMapping("/admin/users/{id}/roles")
	String roles(@PathVariable UUID id, @RequestParam(required = false) Set<Role> roles, Locale locale,
			RedirectAttributes redirect) {
		try {
			identity.changeRoles(id, roles == null ? Set.of() : roles);
			redirect.addFlashAttribute("notice", "users.saved");
		}
		catch (LastAdministrator e) {
			refuse(redirect, "users.last-admin", locale);
		}
		catch (InvalidUserChange e) {
			refuse(redirect, "users.needs-role", locale);
		}
		return USERS;
	}

	/** What deactivating the user does, before it is done. */
	@GetMapping("/admin/users/{id}/deactivate")
	String confirmDeactivation(@PathVariable UUID id, Model model) {
		UserSummary user = identity.user(id).orElseThrow(() -> new UserNotFound(id));
		model.addAttribute("confirmation", new Confirmation("users.deactivate-title", user.displayName(),
				List.of("users.deactivate-sessions", "users.deactivate-tokens", "users.deactivate-undo"),
				"/admin/users/" + id + "/deactivate", "users.deactivate", "/admin/users"));
		return "identity/confirm";
	}

	/** Deactivates once confirmed on its page; a bare request (no confirmation) is sent there. */
	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@PathVariable UUID id, @RequestParam(name = Confirmed.FIELD, required = false) String confirmed,
			Locale locale, RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return "redirect:/admin/users/" + id + "/deactivate";
		}
		try {
			identity.setActive(id, false);
			redirect.addFlashAttribute("notice", "users.deactivated");
		}
		catch (InvalidUserChange e) {
			refuse(redirect, "users.last-admin", locale);
		}
		return USERS;
	}

	@PostMapping("/admin/users/{id}/activate")
	String activate(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
		try {
			identity.setActive(id, true);
			redirect.addFlashAttribute("notice", "users.reactivated");
		}
		catch (InvalidUserChange e) {
			refuse(redirect, "users.erased-stays", locale);
		}
		return USERS;
	}

	private void refuse(RedirectAttributes redirect, String key, Locale locale) {
		redirect.addFlashAttribute("failure", messages.getMessage(key, null, locale));
	}
}
