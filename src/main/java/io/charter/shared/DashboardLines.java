package io.charter.shared;

import java.util.Set;

/** The rules every line a module contributes to the dashboard follows (a notice, a figure). */
final class DashboardLines {

	private DashboardLines() {
	}

	static void check(String kind, String messageKey, String link, Set<Role> roles) {
		if (messageKey == null || messageKey.isBlank()) {
			throw new IllegalArgumentException("A " + kind + " needs a message key");
		}
		if (link != null && !link.startsWith("/")) {
			throw new IllegalArgumentException("A " + kind + " links to a path of Charter, starting with /");
		}
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("A " + kind + " names the roles that see it");
		}
	}
}
