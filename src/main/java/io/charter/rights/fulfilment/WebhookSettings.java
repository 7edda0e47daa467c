package io.charter.rights.fulfilment;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.charter.rights.RequestType;

/**
 * {@code charter.rights.webhooks.*}: other systems that hold personal data and must act on
 * requests Charter receives.
 *
 * @param systems the connected systems (none by default)
 * @param maxAttempts deliveries tried before a system is marked FAILED (staff may retry or override)
 * @param firstRetry wait before the second attempt; it doubles with each attempt
 * @param maxRetry the longest wait between attempts
 * @param timeout how long one delivery may take
 * @param callbackTolerance how far a callback's timestamp may be from Charter's clock
 * @param maxReportSize the largest callback body accepted (with the data of an access or
 *        portability request); larger ones are refused unread
 */
@ConfigurationProperties("charter.rights.webhooks")
record WebhookSettings(List<ConnectedSystem> systems, @DefaultValue("8") int maxAttempts,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("6h") Duration maxRetry,
		@DefaultValue("10s") Duration timeout, @DefaultValue("5m") Duration callbackTolerance,
		@DefaultValue("10MB") DataSize maxReportSize) {

	/**
	 * @param name a short name, lower-case letters, digits and hyphens (e.g. {@code crm})
	 * @param url where Charter POSTs (http or https)
	 * @param secret the shared HMAC-SHA256 key, at least 32 characters; signs both directions
	 * @param types the request types the system must act on
	 */
	record ConnectedSystem(String name, URI url, String secret, Set<RequestType> types) {

		ConnectedSystem {
			if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,49}")) {
				throw new IllegalArgumentException("charter.rights.webhooks.systems[].name: lower-case letters, digits, hyphens");
			}
			if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
				throw new IllegalArgumentException("charter.rights.webhooks.systems[" + name + "].url must be http(s)");
			}
			if (secret == null || secret.length() < 32) {
				throw new IllegalArgumentException("charter.rights.webhooks.systems[" + name + "].secret needs 32+ characters");
			}
			if (types == null || types.isEmpty()) {
				throw new IllegalArgumentException("charter.rights.webhooks.systems[" + name + "].types is empty");
			}
			types = Set.copyOf(types);
		}

		boolean handles(RequestType type) {
			return types.contains(type);
		}
	}

	WebhookSettings {
		systems = systems == null ? List.of() : List.copyOf(systems);
		if (systems.stream().map(ConnectedSystem::name).distinct().count() != systems.size()) {
			throw new IllegalArgumentException("charter.rights.webhooks.systems: names must be unique");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("charter.rights.webhooks.max-attempts must be at least 1");
		}
	}

	List<ConnectedSystem> systemsFor(RequestType type) {
		return systems.stream().filter(s -> s.handles(type)).toList();
	}

	java.util.Optional<ConnectedSystem> system(String name) {
		return systems.stream().filter(s -> s.name().equals(name)).findFirst();
	}
}
