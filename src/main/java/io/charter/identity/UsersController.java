package io.charter.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.identity.web.InviteForm;
import io.charter.shared.Role;

/**
 * Administration of users: invite, change roles, deactivate (ADMIN; AUDITOR may look). Without
 * SMTP, the administrator who invites someone is shown the invitation link once, to hand it over:
 * the POST redirects (post/redirect/get) with the link as a flash attribute of that administrator's
 * session only, so a reload neither shows it again nor invites twice. A lost link is replaced by a
 * new one.
 */
@Controller
class UsersController {

	/** Flash attributes of the one page that shows a fresh invitation link. */
	static final String LINK = "invitationLink";
	static final String INVITEE = "invitee";

	private final IdentityManagement identity;

	UsersController(IdentityManagement identity) {
		this.identity = identity;
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
				handOver(identity.invite(form.email(), form.displayName(), form.roles(), form.language()), redirect);
				return "redirect:/admin/users";
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

	/** A new invitation link for an invited user who lost theirs (or let it expire). */
	@PostMapping("/admin/users/{id}/invitation")
	String renewInvitation(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			handOver(identity.renewInvitation(id), redirect);
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/admin/users";
	}

	/** With SMTP the link goes by e-mail only; without, the inviting administrator sees it on the next page. */
	private void handOver(IssuedInvitation invitation, RedirectAttributes redirect) {
		if (invitation.handOver()) {
			redirect.addFlashAttribute(LINK, invitation.link());
			redirect.addFlashAttribute(INVITEE, invitation.user().displayName());
		}
		else {
			redirect.addFlashAttribute("notice", "users.invite-sent");
		}
	}

	@PostMapping("/admin/users/{id}/roles")
	String roles(@PathVariable UUID id, @RequestParam(required = false) Set<Role> roles, RedirectAttributes redirect) {
		try {
			identity.changeRoles(id, roles == null ? Set.of() : roles);
			redirect.addFlashAttribute("notice", "users.saved");
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/active")
	String active(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
		try {
			identity.setActive(id, active);
			redirect.addFlashAttribute("notice", "users.saved");
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/admin/users";
	}
}
