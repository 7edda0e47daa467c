package io.charter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of DESIGN.md hold: no cycles, no access to another module's internals. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(CharterApplication.class);

	/** The application plus the module that lives only in the test sources ({@code io.charter.sample}). */
	static final ApplicationModules WITH_SAMPLE = ApplicationModules.of(CharterApplication.class,
			location -> !location.contains("/test-classes/") || location.contains("/io/charter/sample/"));

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void platformModulesExist() {
		assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
				.contains("identity", "audit", "notify", "web", "shared");
	}

	@Test
	void auditDependsOnNobodyButShared() {
		var audit = MODULES.getModuleByName("audit").orElseThrow();
		assertThat(audit.getBootstrapDependencies(MODULES).map(m -> m.getIdentifier().toString())).isEmpty();
	}

	@Test
	void consentDependsOnTheKernelThePlatformAndTheOrganisationAlone() {
		assertThat(dependencies("consent")).containsExactlyInAnyOrder("platform", "shared", "organisation");
	}

	/** Every module that names the controller uses it, so it may use nothing but the kernel and the platform. */
	@Test
	void theOrganisationDependsOnTheKernelAndThePlatformAlone() {
		assertThat(dependencies("organisation")).containsExactlyInAnyOrder("platform", "shared");
	}

	@Test
	void identityAnswersForItsOwnPersonalDataWithoutRights() {
		assertThat(dependencies("identity")).doesNotContain("rights");
	}

	/** A module written only in the test sources holds personal data and listens to identity, with no cycle. */
	@Test
	void aNewModulePlugsInWithoutTouchingOthers() {
		WITH_SAMPLE.verify();
		assertThat(dependencies(WITH_SAMPLE, "sample")).containsExactly("identity", "shared");
		assertThat(WITH_SAMPLE.stream().map(m -> m.getIdentifier().toString()))
				.allSatisfy(name -> assertThat(dependencies(WITH_SAMPLE, name)).doesNotContain("sample"));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	private static java.util.List<String> dependencies(String module) {
		return dependencies(MODULES, module);
	}

	private static java.util.List<String> dependencies(ApplicationModules modules, String module) {
		return modules.getModuleByName(module).orElseThrow().getDirectDependencies(modules).stream()
				.map(d -> d.getTargetModule().getIdentifier().toString()).distinct().sorted().toList();
	}
}
