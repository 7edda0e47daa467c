package io.charter.identity.tokens;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.charter.identity.CurrentUser;
import io.charter.shared.Role;

/**
 * Who makes a request and what they may hand on: the roles the request holds right now (for an API
 * token, the token's roles capped by its owner's, never all of the owner's roles) and, for a token,
 * when it stops working. Whatever a request creates or grants is measured against this, not against
 * the owner's account.
 *
 * @param notAfter the expiry of the API token making the request; null for a signed-in person
 */
record Caller(UUID userId, Set<Role> roles, Instant notAfter) {

	Caller {
		roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	static Caller of(Authentication auth) {
		Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		Set<Role> roles = Arrays.stream(Role.values()).filter(r -> held.contains(r.authority()))
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		Instant notAfter = auth.getPrincipal() instanceof TokenPrincipal token ? token.expiresAt() : null;
		return new Caller(CurrentUser.id(auth), roles, notAfter);
	}

	/** The owner of an account acting with all its roles, as when signed in with a password. */
	static Caller owner(UUID userId) {
		return new Caller(userId, EnumSet.allOf(Role.class), null);
	}

	boolean viaToken() {
		return notAfter != null;
	}

	boolean holds(Role role) {
		return roles.contains(role);
	}

	/** A requested expiry brought within the caller's own: what an unspecified lifetime defaults to. */
	Instant capped(Instant expiresAt) {
		return notAfter != null && expiresAt.isAfter(notAfter) ? notAfter : expiresAt;
	}
}
