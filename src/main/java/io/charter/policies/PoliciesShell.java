package io.charter.policies;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/**
 * The policy pages: the console for SECURITY and ADMIN (AUDITOR reads); the acknowledgement page
 * under {@code /me/} is for every signed-in user, the controller deciding by the directory.
 */
@Configuration(proxyBeanMethods = false)
class PoliciesShell {

	@Bean
	static MessageBundle policiesMessages() {
		return new MessageBundle("i18n/policies");
	}

	@Bean
	static NavigationEntry policiesNavigation() {
		return NavigationEntry.of("/policies", "nav.policies", 47, Role.ADMIN, Role.SECURITY, Role.AUDITOR);
	}

	@Bean
	static PathAccess policiesPagesAccess() {
		return new PathAccess("/policies/**", Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR),
				Set.of(Role.ADMIN, Role.SECURITY));
	}

	@Bean
	static PathAccess policiesPageAccess() {
		return new PathAccess("/policies", Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR), Set.of());
	}

	/** The audit trail links an entry about a policy to its page. */
	@Bean
	static EntityLink policyLink() {
		return new EntityLink(PolicyEvent.ENTITY, "/policies/{id}");
	}
}
