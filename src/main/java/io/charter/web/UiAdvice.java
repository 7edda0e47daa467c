package io.charter.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.charter.shared.ActorIdentity;
import io.charter.shared.NavigationEntry;
import io.charter.shared.Role;

/** Gives every page its {@link Ui}, with the navigation entries every module contributes. */
@ControllerAdvice
class UiAdvice {

	private final MessageSource messages;
	private final List<NavigationEntry> navigation;
	private final ZoneId zone;

	UiAdvice(MessageSource messages, ObjectProvider<NavigationEntry> navigation, WebSettings settings) {
		this.messages = messages;
		this.zone = settings.timeZone();
		this.navigation = navigation.orderedStream().sorted(Comparator.comparingInt(NavigationEntry::order)
				.thenComparing(NavigationEntry::path)).toList();
	}

	@ModelAttribute("ui")
	Ui ui(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String name = null;
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			name = auth.getPrincipal() instanceof ActorIdentity identity ? identity.displayName() : auth.getName();
			for (GrantedAuthority authority : auth.getAuthorities()) {
				for (Role role : Role.values()) {
					if (role.authority().equals(authority.getAuthority())) {
						roles.add(role);
					}
				}
			}
		}
		// The error path asked for directly shows no form: reading a token would open a session for it.
		CsrfToken csrf = ErrorPages.askedDirectly(request) ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new Ui(messages, RequestContextUtils.getLocale(request), zone, name, roles, navigation,
				csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
				request.getRequestURI().substring(request.getContextPath().length()), request.getQueryString());
	}
}
