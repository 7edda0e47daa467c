package io.charter.training;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The training pages: the security team's console and every employee's enrolment page. */
@Configuration(proxyBeanMethods = false)
class TrainingShell {

	static final Set<Role> READERS = Set.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR);
	static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.SECURITY);

	@Bean
	static MessageBundle trainingBundle() {
		return new MessageBundle("i18n/training");
	}

	@Bean
	static NavigationEntry trainingNavigation() {
		return NavigationEntry.of("/training", "nav.training", 46, Role.ADMIN, Role.SECURITY, Role.AUDITOR);
	}

	@Bean
	static NavigationEntry enrolNavigation() {
		return NavigationEntry.of(TrainingMessages.ENROL_PATH, "nav.training-enrol", 80, Role.EMPLOYEE);
	}

	/** Every employee enrols themselves; the console's paths do not overlap it. */
	@Bean
	static PathAccess enrolPageAccess() {
		return new PathAccess(TrainingMessages.ENROL_PATH + "/**", Set.of(Role.EMPLOYEE), Set.of(Role.EMPLOYEE));
	}

	@Bean
	static PathAccess trainingPageAccess() {
		return new PathAccess("/training", READERS, WRITERS);
	}

	@Bean
	static PathAccess sessionPagesAccess() {
		return new PathAccess("/training/sessions/**", READERS, WRITERS);
	}

	/** The audit trail links an entry about a session to its page. */
	@Bean
	static EntityLink sessionLink() {
		return new EntityLink(TrainingEvent.ENTITY, "/training/sessions/{id}");
	}
}
