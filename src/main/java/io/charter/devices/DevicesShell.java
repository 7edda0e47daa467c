package io.charter.devices;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.charter.shared.EntityLink;
import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

/** The devices pages in the staff console: texts, navigation, who reaches them. */
@Configuration(proxyBeanMethods = false)
class DevicesShell {

	static final Set<Role> READERS = Set.of(Role.SECURITY, Role.ADMIN, Role.AUDITOR);
	static final Set<Role> SECRET_READERS = Set.of(Role.SECURITY, Role.AUDITOR);

	@Bean
	static MessageBundle devicesMessages() {
		return new MessageBundle("i18n/devices");
	}

	@Bean
	static NavigationEntry devicesNavigation() {
		return NavigationEntry.of("/devices", "nav.devices", 50, Role.SECURITY, Role.ADMIN, Role.AUDITOR);
	}

	@Bean
	static NavigationEntry enrollSecretsNavigation() {
		return NavigationEntry.of("/devices/enroll-secrets", "nav.enroll-secrets", 51, Role.SECURITY, Role.AUDITOR);
	}

	@Bean
	static NavigationEntry softwareNavigation() {
		return NavigationEntry.of(SoftwareController.PATH, "nav.device-software", 52, Role.SECURITY, Role.ADMIN, Role.AUDITOR);
	}

	@Bean
	static NavigationEntry myDevicesNavigation() {
		return NavigationEntry.of(MyDevicesController.PATH, "nav.my-devices", 81, Role.EMPLOYEE);
	}

	@Bean
	static PathAccess myDevicesAccess() {
		return new PathAccess(MyDevicesController.PATH + "/**", Set.of(Role.EMPLOYEE), Set.of(Role.EMPLOYEE));
	}

	@Bean
	static PathAccess softwarePagesAccess() {
		return new PathAccess(SoftwareController.PATH + "/**", READERS, Set.of(Role.SECURITY));
	}

	@Bean
	static PathAccess devicesPagesAccess() {
		return new PathAccess("/devices/**", READERS, Set.of(Role.SECURITY, Role.ADMIN));
	}

	/** ADMIN assigns owners under /devices but does not change the checks. */
	@Bean
	static PathAccess checksPagesAccess() {
		return new PathAccess(ChecksController.PATH + "/**", READERS, Set.of(Role.SECURITY));
	}

	@Bean
	static PathAccess enrollSecretsPagesAccess() {
		return new PathAccess("/devices/enroll-secrets/**", SECRET_READERS, Set.of(Role.SECURITY));
	}

	@Bean
	static PathAccess devicesApiAccess() {
		return PathAccess.readOnly("/api/v1/devices/**", Role.SECURITY, Role.ADMIN, Role.AUDITOR);
	}

	@Bean
	static PathAccess enrollSecretsApiAccess() {
		return new PathAccess("/api/v1/devices/enroll-secrets/**", SECRET_READERS, Set.of(Role.SECURITY));
	}

	/** Like the checks' pages: everyone who reads the devices reads them, SECURITY changes them. */
	@Bean
	static PathAccess checksApiAccess() {
		return new PathAccess(ChecksApi.PATH + "/**", READERS, Set.of(Role.SECURITY));
	}

	/** The audit trail links an entry about a device to its page. */
	@Bean
	static EntityLink deviceLink() {
		return new EntityLink(DeviceEvent.DEVICE, "/devices/{id}");
	}

	/** An entry about a software request links to the page where requests are decided. */
	@Bean
	static EntityLink softwareRequestLink() {
		return new EntityLink(DeviceEvent.REQUEST, SoftwareController.PATH + "#request-{id}");
	}
}
