package io.charter.compliance;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The compliance pages: the clause table every reader of evidence sees, the clauses ADMIN and SECURITY edit. */
@Configuration(proxyBeanMethods = false)
class ComplianceShell {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.SECURITY, Role.PRIVACY, Role.AUDITOR);
	static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.SECURITY);

	@Bean
	static MessageBundle complianceBundle() {
		return new MessageBundle("i18n/compliance");
	}

	@Bean
	static NavigationEntry complianceNavigation() {
		return NavigationEntry.of("/compliance", "nav.compliance", 15, Role.ADMIN, Role.SECURITY, Role.PRIVACY,
				Role.AUDITOR);
	}

	@Bean
	static PathAccess compliancePageAccess() {
		return new PathAccess("/compliance", READERS, WRITERS);
	}

	@Bean
	static PathAccess compliancePagesAccess() {
		return new PathAccess("/compliance/**", READERS, WRITERS);
	}

	/** The evidence package: asked for by the auditor too, never by PRIVACY. */
	@Bean
	static PathAccess complianceEvidenceAccess() {
		return PathAccess.readWrite("/compliance/evidence/**", Role.ADMIN, Role.SECURITY, Role.AUDITOR);
	}

	/** The audit trail links an entry about a clause to its page. */
	@Bean
	static EntityLink clauseLink() {
		return new EntityLink(ComplianceEvent.ENTITY, "/compliance/clauses/{id}");
	}
}
