package io.charter.identity.signin;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.charter.identity.UserAccount;

/**
 * Signs a session in without the sign-in form, for the one who just proved who they are another
 * way: the first administrator, right after choosing the password on the setup page. The session
 * is what a password sign-in makes (same principal, a new session id, the profile's language).
 */
public final class SessionSignIn {

	private SessionSignIn() {
	}

	public static void signIn(HttpServletRequest request, HttpServletResponse response, UserAccount account) {
		SignedInUser user = new SignedInUser(account);
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession(true);
		request.changeSessionId();
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		if (account.language() != null) {
			request.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
					Locale.forLanguageTag(account.language()));
		}
	}
}
