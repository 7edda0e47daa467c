package io.charter.scanner;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The scanner's pages: the privacy team runs scans, administrators too, auditors read them. */
@Configuration(proxyBeanMethods = false)
class ScannerShell {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.PRIVACY, Role.AUDITOR);
	static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.PRIVACY);

	@Bean
	static MessageBundle scannerBundle() {
		return new MessageBundle("i18n/scanner");
	}

	@Bean
	static NavigationEntry scannerNavigation() {
		return NavigationEntry.of("/scanner", "nav.scanner", 33, Role.ADMIN, Role.PRIVACY, Role.AUDITOR);
	}

	@Bean
	static PathAccess scannerPageAccess() {
		return new PathAccess("/scanner", READERS, WRITERS);
	}

	@Bean
	static PathAccess scannerPagesAccess() {
		return new PathAccess("/scanner/**", READERS, WRITERS);
	}

	/** The audit trail links an entry about a scan to its page. */
	@Bean
	static EntityLink scanLink() {
		return new EntityLink(ScannerEvent.ENTITY, "/scanner/scans/{id}");
	}
}
