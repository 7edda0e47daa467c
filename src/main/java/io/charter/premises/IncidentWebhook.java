package io.charter.premises;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.charter.notify.WebhookEndpoint;
import io.charter.notify.Webhooks;
import io.charter.platform.BaseUrl;

/**
 * The chat or ticketing system of {@code charter.premises.incident-webhook}, which gets every report
 * of an unrecognised person, signed with {@code incident-webhook-secret}. The delivery is stored with
 * the report and retried by notify until the receiver takes it. The body names the report's kind,
 * place and link, never the reporter.
 */
@Component
class IncidentWebhook implements WebhookEndpoint {

	static final String NAME = "premises-incident";

	private final PremisesSettings settings;
	private final Webhooks webhooks;
	private final BaseUrl baseUrl;

	IncidentWebhook(PremisesSettings settings, Webhooks webhooks, BaseUrl baseUrl) {
		this.settings = settings;
		this.webhooks = webhooks;
		this.baseUrl = baseUrl;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String url() {
		return settings.incidentWebhook();
	}

	@Override
	public String secret() {
		return settings.incidentWebhookSecret();
	}

	/** Stores the alert in the report's transaction (nothing when no receiver is configured). */
	void alert(Incident incident) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", "incident");
		payload.put("kind", incident.kind().name().toLowerCase().replace('_', '-'));
		payload.put("where", incident.place());
		payload.put("occurredAt", incident.occurredAt().toString());
		payload.put("text", "Unrecognised person reported: " + incident.place());
		payload.put("link", baseUrl.to("/incidents#incident-" + incident.id()));
		webhooks.post(NAME, payload);
	}
}
