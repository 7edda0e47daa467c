package io.charter.web;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.charter.shared.ActorIdentity;

/** Gives every page its {@link Ui}. */
@ControllerAdvice
class UiAdvice {

	private final MessageSource messages;

	UiAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ModelAttribute("ui")
	Ui ui(HttpServletRequest request) {
		return build(messages, request);
	}

	static Ui build(MessageSource messages, HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String name = null;
		Set<String> roles = Set.of();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			name = auth.getPrincipal() instanceof ActorIdentity identity ? identity.displayName() : auth.getName();
			roles = auth.getAuthorities().stream().map(a -> a.getAuthority())
					.filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
		}
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new Ui(messages, RequestContextUtils.getLocale(request), name, roles,
				csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
				request.getRequestURI().substring(request.getContextPath().length()));
	}
}
