package io.charter.premises;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The premises' pages: the reception kiosk, the on-site list, and each employee's visitors. */
@Configuration(proxyBeanMethods = false)
class PremisesShell {

	static final Set<Role> RECEPTION = Set.of(Role.ADMIN, Role.RECEPTION);
	static final Set<Role> ON_SITE_READERS = Set.of(Role.ADMIN, Role.RECEPTION, Role.SECURITY, Role.AUDITOR);

	@Bean
	static MessageBundle premisesBundle() {
		return new MessageBundle("i18n/premises");
	}

	@Bean
	static NavigationEntry kioskNavigation() {
		return NavigationEntry.of(KioskController.PATH, "nav.kiosk", 60, Role.RECEPTION, Role.ADMIN);
	}

	@Bean
	static NavigationEntry onSiteNavigation() {
		return NavigationEntry.of(KioskController.ON_SITE, "nav.on-site", 61, Role.RECEPTION, Role.SECURITY, Role.ADMIN,
				Role.AUDITOR);
	}

	@Bean
	static NavigationEntry visitorsNavigation() {
		return NavigationEntry.of(VisitorsController.PATH, "nav.visitors", 82, Role.EMPLOYEE);
	}

	@Bean
	static NavigationEntry incidentsNavigation() {
		return NavigationEntry.of(IncidentsController.PATH, "nav.incidents", 62, Role.SECURITY, Role.ADMIN, Role.AUDITOR);
	}

	@Bean
	static NavigationEntry reportNavigation() {
		return NavigationEntry.of(IncidentsController.REPORT, "nav.report-incident", 83, Role.EMPLOYEE);
	}

	@Bean
	static PathAccess reportAccess() {
		return new PathAccess(IncidentsController.REPORT, Set.of(Role.EMPLOYEE), Set.of(Role.EMPLOYEE));
	}

	@Bean
	static PathAccess incidentsAccess() {
		return new PathAccess(IncidentsController.PATH, Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR), Set.of());
	}

	@Bean
	static PathAccess incidentStepsAccess() {
		return new PathAccess(IncidentsController.PATH + "/*/*", Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR),
				Set.of(Role.ADMIN, Role.SECURITY));
	}

	@Bean
	static PathAccess kioskAccess() {
		return new PathAccess(KioskController.PATH, RECEPTION, RECEPTION);
	}

	@Bean
	static PathAccess kioskPagesAccess() {
		return new PathAccess(KioskController.PATH + "/**", RECEPTION, RECEPTION);
	}

	@Bean
	static PathAccess onSiteAccess() {
		return new PathAccess(KioskController.ON_SITE, ON_SITE_READERS, Set.of());
	}

	@Bean
	static PathAccess visitorsAccess() {
		return new PathAccess(VisitorsController.PATH, Set.of(Role.EMPLOYEE), Set.of(Role.EMPLOYEE));
	}

	@Bean
	static NavigationEntry cleanDeskNavigation() {
		return NavigationEntry.of(CleanDeskController.PATH, "nav.clean-desk", 63, Role.SECURITY, Role.ADMIN,
				Role.AUDITOR);
	}

	@Bean
	static PathAccess cleanDeskAccess() {
		return new PathAccess(CleanDeskController.PATH, Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR),
				Set.of(Role.ADMIN, Role.SECURITY));
	}

	@Bean
	static PathAccess cleanDeskPagesAccess() {
		return new PathAccess(CleanDeskController.PATH + "/**", Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR),
				Set.of(Role.ADMIN, Role.SECURITY));
	}
}
