package io.charter.identity;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import io.charter.identity.tokens.TokenPrincipal;
import io.charter.shared.Role;

/** The Charter user behind any kind of sign-in (password, OIDC, API token). */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static UUID id(Authentication authentication) {
		Object principal = authentication == null ? null : authentication.getPrincipal();
		if (principal instanceof SignedInAccount u) {
			return u.id();
		}
		if (principal instanceof TokenPrincipal t) {
			return t.userId();
		}
		throw new AccessDeniedException("Not a Charter user");
	}

	public static boolean isAdmin(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
	}
}
