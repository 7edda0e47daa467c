package io.charter.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The audit trail in the staff console: this module's texts, its place in the navigation, who reaches it. */
@Configuration(proxyBeanMethods = false)
class AuditShell {

	@Bean
	static MessageBundle auditMessages() {
		return new MessageBundle("i18n/audit");
	}

	@Bean
	static NavigationEntry auditNavigation() {
		return NavigationEntry.of("/audit", "nav.audit", 20, Role.ADMIN, Role.AUDITOR);
	}

	@Bean
	static PathAccess auditPagesAccess() {
		return PathAccess.readWrite("/audit/**", Role.ADMIN, Role.AUDITOR);
	}

	/** The trail is append-only: its API only reads. */
	@Bean
	static PathAccess auditApiAccess() {
		return PathAccess.readOnly("/api/v1/audit/**", Role.ADMIN, Role.AUDITOR);
	}
}
