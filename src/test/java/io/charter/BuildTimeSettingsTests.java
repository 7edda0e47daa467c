package io.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Settings that the ahead-of-time processed build would ignore are found, whatever their source. */
class BuildTimeSettingsTests {

	private final Properties packaged = BuildTimeSettings.packaged();

	@Test
	void theBuildsOwnSettingsChangeNothing() {
		StandardEnvironment environment = environment(Map.of());
		Map<String, Object> own = new java.util.HashMap<>();
		packaged.stringPropertyNames().forEach(name -> own.put(name, packaged.getProperty(name)));
		environment.getPropertySources().addLast(new MapPropertySource("packaged", own));
		assertThat(BuildTimeSettings.changed(environment, packaged)).isEmpty();
	}

	/**
	 * springdoc warns at each start, for each of its endpoints not explicitly enabled, to set
	 * {@code springdoc.api-docs.enabled=false}: a setting this build refuses. The packaged settings
	 * enable them explicitly, as springdoc binds them, so a normal start gives no such advice.
	 */
	@Test
	void noStartAdvisesTurningOffTheApiDescriptionWhichTheBuildWouldRefuse() {
		var bound = new org.springframework.boot.context.properties.bind.Binder(
				new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(packaged));
		var springdoc = bound.bindOrCreate("springdoc", org.springdoc.core.properties.SpringDocConfigProperties.class);
		assertThat(springdoc.getApiDocs().isEnabled()).as("springdoc.api-docs.enabled").isTrue();
		assertThat(packaged.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("true");
	}

	@Test
	void findsACommandLineSettingThatAddsOrRemovesComponents() {
		StandardEnvironment environment = environment(Map.of("management.server.port", "9091",
				"management.endpoints.web.exposure.include", "health,metrics", "charter.scheduling.enabled", "false",
				"spring.profiles.active", "prod"));
		assertThat(BuildTimeSettings.changed(environment, packaged)).containsExactly("charter.scheduling.enabled",
				"management.endpoints.web.exposure.include", "management.server.port", "spring.profiles.active");
	}

	@Test
	void findsTheSameSettingGivenAsAnEnvironmentVariable() {
		StandardEnvironment environment = new StandardEnvironment();
		// The name tells Spring Boot to bind these as environment variables.
		environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("MANAGEMENT_SERVER_PORT", "9091", "SERVER_FORWARDHEADERSSTRATEGY", "framework",
						// as packaged: not a change
						"MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus",
						// empty, as container templates leave it: no setting
						"SPRING_PROFILES_ACTIVE", "")));
		assertThat(BuildTimeSettings.changed(environment, packaged)).containsExactly("management.server.port",
				"server.forwardheadersstrategy");
	}

	@Test
	void leavesInstallTimeSettingsAlone() {
		StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/charter",
				"spring.mail.host", "smtp.example", "spring.security.oauth2.client.registration.corp.client-id", "charter",
				"server.port", "9090", "management.endpoint.health.show-details", "always",
				// the value the build was processed with
				"management.endpoints.web.exposure.include", packaged.getProperty("management.endpoints.web.exposure.include")));
		assertThat(BuildTimeSettings.changed(environment, packaged)).isEmpty();
	}

	private static StandardEnvironment environment(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", settings));
		return environment;
	}
}
