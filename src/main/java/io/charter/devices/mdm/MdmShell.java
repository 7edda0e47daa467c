package io.charter.devices.mdm;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** Only SECURITY imports MDM exports, in the API and in the console. */
@Configuration(proxyBeanMethods = false)
class MdmShell {

	@Bean
	static PathAccess mdmImportApiAccess() {
		return new PathAccess(MdmImportApi.PATH, Set.of(Role.SECURITY), Set.of(Role.SECURITY));
	}

	@Bean
	static PathAccess mdmImportPageAccess() {
		return new PathAccess(MdmImportController.IMPORT, Set.of(Role.SECURITY), Set.of(Role.SECURITY));
	}
}
