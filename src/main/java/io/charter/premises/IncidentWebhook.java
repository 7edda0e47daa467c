package io.charter.premises;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.function.SingletonSupplier;

import io.charter.platform.BaseUrl;
import io.charter.premises.PremisesEvent.IncidentReported;
import io.charter.shared.WebhookSignature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts an alerting report to the chat or ticketing system of {@code charter.premises.incident-webhook},
 * signed with {@code incident-webhook-secret} (headers {@code X-Charter-Timestamp} and
 * {@code X-Charter-Signature}), once the report is committed. The body names the report's kind, place
 * and link, never the reporter. One attempt: notify's outbox retries e-mails only and has no webhook
 * outbox to reuse, so the e-mails to the manager and the security team are the alert that is retried.
 */
@Component
class IncidentWebhook {

	private static final Logger log = LoggerFactory.getLogger(IncidentWebhook.class);

	private final PremisesSettings settings;
	private final Incidents incidents;
	private final BaseUrl baseUrl;
	private final JsonMapper json;
	private final java.time.Clock clock;
	/** Built at the first delivery: the first HTTP client of a JVM loads its TLS set-up (the trust store), a cost at every start otherwise. */
	private final Supplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

	IncidentWebhook(PremisesSettings settings, Incidents incidents, BaseUrl baseUrl, JsonMapper json,
			java.time.Clock clock) {
		this.clock = clock;
		this.settings = settings;
		this.incidents = incidents;
		this.baseUrl = baseUrl;
		this.json = json;
	}

	@Async
	@TransactionalEventListener
	void reported(IncidentReported event) {
		if (!event.alert() || settings.incidentWebhook().isBlank()) {
			return;
		}
		incidents.find(event.incidentId()).ifPresent(this::post);
	}

	void post(Incident incident) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", "incident");
		payload.put("kind", incident.kind().name().toLowerCase().replace('_', '-'));
		payload.put("where", incident.place());
		payload.put("occurredAt", incident.occurredAt().toString());
		payload.put("text", "Unrecognised person reported: " + incident.place());
		payload.put("link", baseUrl.to("/incidents#incident-" + incident.id()));
		byte[] body = json.writeValueAsBytes(payload);
		long timestamp = clock.instant().getEpochSecond();
		try {
			HttpResponse<Void> response = http.get().send(HttpRequest.newBuilder(URI.create(settings.incidentWebhook()))
					.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
					.header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
					.header(WebhookSignature.SIGNATURE, WebhookSignature.sign(settings.incidentWebhookSecret(), timestamp, body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				log.warn("Incident webhook answered HTTP {}", response.statusCode());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Exception e) {
			log.warn("Incident webhook failed: {}", e.getClass().getSimpleName());
		}
	}
}
