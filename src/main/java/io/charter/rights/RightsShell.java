package io.charter.rights;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** Data-subject requests in the staff console: this module's texts and its places in the navigation. */
@Configuration(proxyBeanMethods = false)
class RightsShell {

	@Bean
	static MessageBundle rightsMessages() {
		return new MessageBundle("i18n/rights");
	}

	@Bean
	static NavigationEntry rightsNavigation() {
		return NavigationEntry.of("/rights", "nav.rights", 110, Role.PRIVACY, Role.ADMIN, Role.AUDITOR);
	}

	/** The audit trail links an entry about a request to its page. */
	@Bean
	static EntityLink requestLink() {
		return new EntityLink(RightsEvent.ENTITY, "/rights/requests/{id}");
	}

	private static final Set<Role> READERS = Set.of(Role.PRIVACY, Role.ADMIN, Role.AUDITOR);
	private static final Set<Role> WRITERS = Set.of(Role.PRIVACY, Role.ADMIN);

	/**
	 * Refused at the door as well as in the services, so a role without access is answered 403
	 * before a form or body is read (not a validation error that shows the page is there).
	 */
	@Bean
	static PathAccess rightsPagesAccess() {
		return new PathAccess("/rights/**", READERS, WRITERS);
	}

	@Bean
	static PathAccess rightsApiAccess() {
		return new PathAccess("/api/v1/rights/requests/**", READERS, WRITERS);
	}
}
