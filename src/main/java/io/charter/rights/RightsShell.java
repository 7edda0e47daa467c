package io.charter.rights;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
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
}
