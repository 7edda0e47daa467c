package io.charter.identity.signin;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.charter.identity.CurrentUser;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserAccount;
import io.charter.platform.DatabaseOutage;

/**
 * After a sign-in attempt: count failures (per account, and for the client's waits), record
 * successes, and take the interface language from the user's profile. Every failure shows the same
 * message, with the wait the client now has when it has one.
 */
class SignInOutcome extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

	private final IdentityManagement identity;
	private final LoginThrottle throttle;

	SignInOutcome(IdentityManagement identity, LoginThrottle throttle) {
		this.identity = identity;
		this.throttle = throttle;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		Object principal = authentication.getPrincipal();
		if (principal instanceof SignedInUser user) {
			identity.recordLogin(user.id(), "password");
			throttle.succeeded(request);
		}
		identity.account(CurrentUser.id(authentication)).map(UserAccount::language).filter(l -> l != null)
				.ifPresent(lang -> request.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
						Locale.forLanguageTag(lang)));
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/login/oauth2")) {
			response.sendRedirect(request.getContextPath() + "/login?oidc-error");
			return;
		}
		if (DatabaseOutage.causedBy(exception)) {
			// The password was never checked: say so, and count nothing against the account or client.
			response.sendRedirect(request.getContextPath() + "/login?unavailable");
			return;
		}
		// Every failure of the password form counts, a deactivated account's too: a wait that came
		// only for some accounts would tell which ones exist.
		Duration wait = throttle.failed(request);
		if (exception instanceof BadCredentialsException) {
			String email = request.getParameter("username");
			if (email != null && !email.isBlank() && email.length() <= 320) {
				identity.recordFailedLogin(email);
			}
		}
		response.sendRedirect(request.getContextPath()
				+ (wait.isZero() ? "/login?error" : LoginThrottle.WAIT_PAGE + LoginThrottle.seconds(wait)));
	}
}
