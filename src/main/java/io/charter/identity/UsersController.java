package io.charter.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

import io.charter.shared.Role;

/** Administration of users: invite, change roles, deactivate (ADMIN; AUDITOR may look). */
@Controller
class UsersController {

	private final IdentityManagement identity;

	UsersController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
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
				identity.invite(form.email(), form.displayName(), form.roles(), form.language());
				redirect.addFlashAttribute("notice", "users.invite-sent");
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
