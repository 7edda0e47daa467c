package io.charter.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.Role;

/** The outbox in the staff console: this module's texts and its places in the navigation. */
@Configuration(proxyBeanMethods = false)
class NotifyShell {

	@Bean
	static MessageBundle notifyMessages() {
		return new MessageBundle("i18n/notify");
	}

	@Bean
	static NavigationEntry outboxNavigation() {
		return NavigationEntry.of("/admin/outbox", "nav.outbox", 30, Role.ADMIN, Role.AUDITOR);
	}
}
