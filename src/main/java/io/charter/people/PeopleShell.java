package io.charter.people;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The people pages in the staff console: texts, navigation, who reaches them. */
@Configuration(proxyBeanMethods = false)
class PeopleShell {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR);
	static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.SECURITY);

	@Bean
	static MessageBundle peopleMessages() {
		return new MessageBundle("i18n/people");
	}

	@Bean
	static NavigationEntry peopleNavigation() {
		return NavigationEntry.of("/people", "nav.people", 45, Role.ADMIN, Role.SECURITY, Role.AUDITOR);
	}

	/** Every signed-in user may open it; the page says so when they are not in the directory. */
	@Bean
	static NavigationEntry myComplianceNavigation() {
		return NavigationEntry.of("/me/compliance", "nav.my-compliance", 20, Role.EMPLOYEE);
	}

	@Bean
	static PathAccess peoplePagesAccess() {
		return new PathAccess("/people/**", READERS, WRITERS);
	}

	@Bean
	static PathAccess peopleApiAccess() {
		return new PathAccess("/api/v1/people/**", READERS, WRITERS);
	}

	/** The audit trail links an entry about a person to their page. */
	@Bean
	static EntityLink personLink() {
		return new EntityLink(PeopleEvent.ENTITY, "/people/{id}");
	}
}
