package io.charter.notify;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhooks with retries: a delivery is stored in the caller's transaction and posted after
 * its commit, then retried with a growing wait until the receiver answers 2xx or the attempts run
 * out. The receiver may thus get a delivery more than once (an answer lost after it was handled):
 * each body carries a delivery id to recognise it by.
 */
@Component
public class Webhooks {

	private final WebhookDeliveries deliveries;
	// Resolved at each post: an endpoint is often also the module's sender, which needs this bean first.
	private final ObjectProvider<WebhookEndpoint> endpoints;
	private final WebhookTrigger trigger;
	private final JsonMapper json;
	private final Clock clock;

	Webhooks(WebhookDeliveries deliveries, ObjectProvider<WebhookEndpoint> endpoints, WebhookTrigger trigger, JsonMapper json,
			Clock clock) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.trigger = trigger;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores a delivery of this payload to the named endpoint, in the caller's transaction; the
	 * body gets {@code "deliveryId"} first.
	 *
	 * @return the delivery's id, or empty when the endpoint has no address configured
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UUID> post(String endpoint, Map<String, Object> payload) {
		WebhookEndpoint target = endpoints.stream().filter(e -> e.name().equals(endpoint)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No webhook endpoint named " + endpoint));
		if (!target.configured()) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("deliveryId", id.toString());
		body.putAll(payload);
		deliveries.insert(id, endpoint, json.writeValueAsString(body), clock.instant());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				trigger.dispatchSoon();
			}
		});
		return Optional.of(id);
	}
}
