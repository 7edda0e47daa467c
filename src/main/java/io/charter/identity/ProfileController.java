package io.charter.identity;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.identity.signin.SessionRefresh;

/** The signed-in user's own settings: language and password. */
@Controller
class ProfileController {

	private final IdentityManagement identity;
	private final MessageSource messages;

	ProfileController(IdentityManagement identity, MessageSource messages) {
		this.identity = identity;
		this.messages = messages;
	}

	@GetMapping("/profile")
	String profile(Authentication auth, Model model) {
		model.addAttribute("user", identity.user(CurrentUser.id(auth)).orElseThrow());
		return "identity/profile";
	}

	@PostMapping("/profile/language")
	String language(Authentication auth, @RequestParam String language, HttpServletRequest request,
			Locale locale, RedirectAttributes redirect) {
		try {
			identity.setLanguage(CurrentUser.id(auth), language);
			request.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
					Locale.forLanguageTag(language));
			redirect.addFlashAttribute("notice", "profile.saved");
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", messages.getMessage(e.refusal(), locale));
		}
		return "redirect:/profile";
	}

	/** A new password ends the user's other sessions; this one stays signed in. */
	@PostMapping("/profile/password")
	String password(Authentication auth, @RequestParam String current, @RequestParam String password,
			@RequestParam String confirm, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		UUID me = CurrentUser.id(auth);
		try {
			if (!password.equals(confirm)) {
				throw new InvalidUserChange("invitation.mismatch");
			}
			identity.changePassword(me, current, password);
			identity.account(me).ifPresent(account -> SessionRefresh.keepSignedIn(request, account));
			redirect.addFlashAttribute("notice", "profile.password-changed");
		}
		catch (InvalidUserChange e) {
			redirect.addFlashAttribute("failure", messages.getMessage(e.refusal(), locale));
		}
		return "redirect:/profile";
	}
}
