package io.charter.exemptions;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The exemption pages: the security team's queue (AUDITOR and ADMIN read it) and every employee's own. */
@Configuration(proxyBeanMethods = false)
class ExemptionsShell {

	static final Set<Role> READERS = Set.of(Role.SECURITY, Role.ADMIN, Role.AUDITOR);
	static final Set<Role> WRITERS = Set.of(Role.SECURITY);

	@Bean
	static MessageBundle exemptionsBundle() {
		return new MessageBundle("i18n/exemptions");
	}

	@Bean
	static NavigationEntry exemptionsNavigation() {
		return NavigationEntry.of(ExemptionMessages.QUEUE_PATH, "nav.exemptions", 48, Role.SECURITY, Role.ADMIN,
				Role.AUDITOR);
	}

	@Bean
	static NavigationEntry myExemptionsNavigation() {
		return NavigationEntry.of(ExemptionMessages.MY_PATH, "nav.exemptions-mine", 84, Role.EMPLOYEE);
	}

	/** Every employee asks for and reads their own; the queue's paths do not overlap it. */
	@Bean
	static PathAccess myExemptionsAccess() {
		return new PathAccess(ExemptionMessages.MY_PATH + "/**", Set.of(Role.EMPLOYEE), Set.of(Role.EMPLOYEE));
	}

	@Bean
	static PathAccess myExemptionsPageAccess() {
		return new PathAccess(ExemptionMessages.MY_PATH, Set.of(Role.EMPLOYEE), Set.of(Role.EMPLOYEE));
	}

	@Bean
	static PathAccess exemptionsAccess() {
		return new PathAccess(ExemptionMessages.QUEUE_PATH, READERS, WRITERS);
	}

	@Bean
	static PathAccess exemptionPagesAccess() {
		return new PathAccess(ExemptionMessages.QUEUE_PATH + "/requests/**", READERS, WRITERS);
	}

	@Bean
	static PathAccess exemptionsExportAccess() {
		return PathAccess.readOnly(ExemptionMessages.QUEUE_PATH + "/export.csv", Role.SECURITY, Role.ADMIN,
				Role.AUDITOR);
	}

	@Bean
	static PathAccess exemptionsApiAccess() {
		return new PathAccess("/api/v1/exemptions/**", READERS, WRITERS);
	}

	@Bean
	static PathAccess exemptionsApiRootAccess() {
		return new PathAccess("/api/v1/exemptions", READERS, WRITERS);
	}

	/** The audit trail links an entry about an exemption to its page. */
	@Bean
	static EntityLink exemptionLink() {
		return new EntityLink(ExemptionEvent.ENTITY, ExemptionMessages.QUEUE_PATH + "/requests/{id}");
	}
}
