package io.charter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of DESIGN.md hold: no cycles, no access to another module's internals. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(CharterApplication.class);

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
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
