package io.charter.identity.signin;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The identity providers of {@code spring.security.oauth2.client.*}; none by default. Always a bean,
 * possibly empty, and read when Charter starts: the ahead-of-time processed build fixes its beans at
 * build time, while providers are configured where Charter is installed, so Spring Boot's
 * conditional client auto-configuration cannot be relied on to appear.
 */
final class OidcClients implements ClientRegistrationRepository, Iterable<ClientRegistration> {

	private final Map<String, ClientRegistration> registrations;

	OidcClients(Map<String, ClientRegistration> registrations) {
		// Sorted by id, so that the sign-in page lists them in a stable order.
		this.registrations = Collections.unmodifiableMap(new TreeMap<>(registrations));
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return registrationId == null ? null : registrations.get(registrationId);
	}

	@Override
	public Iterator<ClientRegistration> iterator() {
		return registrations.values().iterator();
	}

	boolean isEmpty() {
		return registrations.isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OAuth2ClientProperties.class)
	static class Settings {

		/** With an issuer URI, the provider's discovery document is read here, at start-up. */
		@Bean
		OidcClients oidcClients(OAuth2ClientProperties properties) {
			return new OidcClients(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
		}
	}
}
