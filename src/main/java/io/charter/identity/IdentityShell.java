package io.charter.identity;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/**
 * Users, roles and sign-in in the staff console: this module's texts, its places in the navigation
 * and who reaches the administration area.
 */
@Configuration(proxyBeanMethods = false)
class IdentityShell {

	@Bean
	static MessageBundle identityMessages() {
		return new MessageBundle("i18n/identity");
	}

	@Bean
	static NavigationEntry usersNavigation() {
		return NavigationEntry.of("/admin/users", "nav.users", 10, Role.ADMIN, Role.AUDITOR);
	}

	@Bean
	static NavigationEntry tokensNavigation() {
		return NavigationEntry.of("/tokens", "nav.tokens", 900);
	}

	@Bean
	static NavigationEntry profileNavigation() {
		return NavigationEntry.of("/profile", "nav.profile", 910);
	}

	/** The administration area (users here, the outbox in notify): administrators change, auditors look. */
	@Bean
	static PathAccess administrationAccess() {
		return new PathAccess("/admin/**", Set.of(Role.ADMIN, Role.AUDITOR), Set.of(Role.ADMIN));
	}

	/** The confirmation of a deactivation is the first step of it: administrators only. */
	@Bean
	static PathAccess deactivationAccess() {
		return PathAccess.readWrite("/admin/users/*/deactivate", Role.ADMIN);
	}

	/** The users API: administrators offboard and reinstate, auditors look. */
	@Bean
	static PathAccess usersApiAccess() {
		return new PathAccess("/api/v1/users/**", Set.of(Role.ADMIN, Role.AUDITOR), Set.of(Role.ADMIN));
	}

	/** The audit trail links an entry about a user to the user's row, and one about a token to the tokens page. */
	@Bean
	static EntityLink userLink() {
		return new EntityLink(IdentityEvent.UserEvent.ENTITY, "/admin/users#user-{id}");
	}

	@Bean
	static EntityLink tokenLink() {
		return new EntityLink(IdentityEvent.TokenEvent.ENTITY, "/tokens");
	}
}
