package io.charter.identity;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own settings: language and password. */
@Controller
class ProfileController {

	private final IdentityManagement identity;

	ProfileController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/profile")
	String profile(Authentication auth, Model model) {
		model.addAttribute("user", identity.user(CurrentUser.id(auth)).orElseThrow());
		return "identity/profile";
	}

	@PostMapping("/profile/language")
	String language(Authentication auth, @RequestParam String language, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			identity.setLanguage(CurrentUser.id(auth), language);
			request.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
					Locale.forLanguageTag(language));
			redirect.addFlashAttribute("notice", "profile.saved");
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/profile";
	}

	@PostMapping("/profile/password")
	String password(Authentication auth, @RequestParam String current, @RequestParam String password,
			@RequestParam String confirm, RedirectAttributes redirect) {
		try {
			if (!password.equals(confirm)) {
				throw new InvalidUserChange("The two new passwords differ.");
			}
			identity.changePassword(CurrentUser.id(auth), current, password);
			redirect.addFlashAttribute("notice", "profile.password-changed");
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/profile";
	}
}
