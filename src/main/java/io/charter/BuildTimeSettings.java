package io.charter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Refuses to start the ahead-of-time processed build with a setting it would silently ignore.
 * Spring AOT decides at build time which beans exist, so a setting whose only effect is to add or
 * remove one (a separate management port, the exposed endpoints, a profile, ...) has no effect at
 * run time. Charter's own install-time settings (database, SMTP, OIDC) do not depend on that; the
 * settings listed here do, and need a start without the AOT code (docs/configuration.md).
 */
final class BuildTimeSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/**
	 * Property names whose value decides whether beans exist, without dashes: environment variables
	 * (MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE) bind to the dashed names without them.
	 */
	static final List<Pattern> FIXED = List.of(
			Pattern.compile("spring\\.profiles\\.(active|include|group)(\\[\\d+]|\\..*)?"),
			Pattern.compile("spring\\.main\\.webapplicationtype"),
			Pattern.compile("spring\\.threads\\.virtual\\.enabled"),
			Pattern.compile("spring\\.autoconfigure\\.exclude(\\[\\d+])?"),
			Pattern.compile("spring\\.(flyway|h2\\.console)\\.enabled"),
			Pattern.compile("server\\.forwardheadersstrategy"),
			Pattern.compile("spring\\.servlet\\.multipart\\.enabled"),
			Pattern.compile("management\\.server\\.port"),
			Pattern.compile("management\\.endpoints\\.(access\\.(default|maxpermitted)|(web|jmx)\\.exposure\\..*)"),
			Pattern.compile("management\\.endpoint\\.[^.]+\\.(access|enabled)"),
			Pattern.compile("management\\.endpoint\\.health\\.probes\\.enabled"),
			Pattern.compile("management\\.(health|info)\\.[^.]+\\.enabled"),
			Pattern.compile("management\\.(prometheus\\.)?metrics\\.export\\.enabled"),
			Pattern.compile("springdoc\\.(apidocs|swaggerui)\\.enabled"),
			Pattern.compile("charter\\.scheduling\\.enabled"));

	/** After the configuration files are read (Spring Boot does that at a higher precedence). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		List<String> changed = changed(event.getEnvironment(), packaged());
		if (!changed.isEmpty()) {
			throw new IllegalStateException("This start uses the ahead-of-time processed build (spring.aot.enabled=true), "
					+ "whose components were fixed when it was built, and " + String.join(", ", changed)
					+ " would change which components exist. Start without it: CHARTER_AOT=false bin/charter, "
					+ "or java -jar charter.jar (see docs/configuration.md).");
		}
	}

	/** Fixed settings whose value differs from the one the build was processed with. */
	static List<String> changed(ConfigurableEnvironment environment, Properties packaged) {
		ConfigurationPropertySources.attach(environment);
		ConfigurationPropertySource built = new MapConfigurationPropertySource(packaged);
		TreeSet<String> changed = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource names)) {
				continue;
			}
			names.stream()
				.filter(name -> FIXED.stream().anyMatch(p -> p.matcher(name.toString().replace("-", "")).matches()))
				.filter(name -> !Objects.equals(trim(environment.getProperty(name.toString())), trim(built.getConfigurationProperty(name))))
				.forEach(name -> changed.add(name.toString()));
		}
		return List.copyOf(changed);
	}

	/** The settings the build was processed with: the packaged application.properties alone. */
	static Properties packaged() {
		try {
			return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String trim(Object value) {
		if (value instanceof ConfigurationProperty property) {
			value = property.getValue();
		}
		// An empty setting (SPRING_PROFILES_ACTIVE= in a container template) is no setting.
		String text = value == null ? "" : value.toString().trim();
		return text.isEmpty() ? null : text;
	}
}
