package io.charter.organisation;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The organisation page in the staff console: its texts, its place in the navigation, who reaches it. */
@Configuration(proxyBeanMethods = false)
class OrganisationShell {

	private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PRIVACY, Role.AUDITOR);

	@Bean
	static MessageBundle organisationMessages() {
		return new MessageBundle("i18n/organisation");
	}

	@Bean
	static NavigationEntry organisationNavigation() {
		return NavigationEntry.of("/organisation", "nav.organisation", 70, Role.ADMIN, Role.PRIVACY, Role.AUDITOR);
	}

	@Bean
	static PathAccess organisationPagesAccess() {
		return new PathAccess("/organisation/**", READERS, Set.of(Role.ADMIN));
	}

	@Bean
	static PathAccess organisationApiAccess() {
		return new PathAccess("/api/v1/organisation/**", READERS, Set.of(Role.ADMIN));
	}

	/** The audit trail links an entry about the profile to its one page. */
	@Bean
	static EntityLink organisationLink() {
		return new EntityLink(OrganisationEvent.ENTITY, "/organisation");
	}
}
