package io.charter.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Resolves who is acting in the current thread, for events published by services. */
public final class Actors {

	public static final String SYSTEM = "system";
	public static final String ANONYMOUS = "anonymous";

	private Actors() {
	}

	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return SYSTEM;
		}
		if (authentication.getPrincipal() instanceof ActorIdentity identity) {
			return identity.actorId();
		}
		return authentication.isAuthenticated() && !"anonymousUser".equals(authentication.getPrincipal())
				? SYSTEM : ANONYMOUS;
	}
}
