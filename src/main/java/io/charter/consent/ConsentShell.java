package io.charter.consent;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** Cookie consent in the staff console: this module's texts and its places in the navigation. */
@Configuration(proxyBeanMethods = false)
class ConsentShell {

	@Bean
	static MessageBundle consentCatalogueMessages() {
		return new MessageBundle("i18n/catalogue");
	}

	@Bean
	static MessageBundle consentLogMessages() {
		return new MessageBundle("i18n/consent-log");
	}

	@Bean
	static NavigationEntry consentNavigation() {
		return NavigationEntry.of("/consent", "nav.consent", 100, Role.PRIVACY, Role.ADMIN, Role.AUDITOR);
	}

	/**
	 * The audit trail links an entry about a site to its page; categories, services, cookies and
	 * versions are reached from there (their ids join the site's key to their own).
	 */
	@Bean
	static EntityLink siteLink() {
		return new EntityLink(ConsentEvent.SiteEvent.ENTITY, "/consent/{id}");
	}

	private static final Set<Role> READERS = Set.of(Role.PRIVACY, Role.ADMIN, Role.AUDITOR);
	private static final Set<Role> WRITERS = Set.of(Role.PRIVACY, Role.ADMIN);

	/**
	 * Refused at the door as well as in the services, so a role without access is answered 403
	 * before a form or body is read (not a validation error that shows the page is there).
	 */
	@Bean
	static PathAccess consentPagesAccess() {
		return new PathAccess("/consent/**", READERS, WRITERS);
	}

	@Bean
	static PathAccess consentApiAccess() {
		return new PathAccess("/api/v1/consent/**", READERS, WRITERS);
	}
}
