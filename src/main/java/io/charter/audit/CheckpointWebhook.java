package io.charter.audit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import io.charter.shared.WebhookSignature;

/**
 * The optional second place checkpoints go: a POST of the checkpoint line to
 * {@code charter.audit.checkpoint-webhook}, signed with its own secret in the format of every
 * Charter webhook, so the receiver can tell Charter's deliveries from anyone else's.
 */
@Component
class CheckpointWebhook {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final AuditSettings settings;
	private final Clock clock;
	/** Built at the first delivery: the first HTTP client of a JVM loads its TLS set-up (the trust store), a cost at every start otherwise. */
	private final Supplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER).build());

	CheckpointWebhook(AuditSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	boolean configured() {
		return settings.checkpointWebhook() != null;
	}

	/** Delivers the line; fails unless the receiver answers 2xx. */
	void deliver(String line) throws IOException, InterruptedException {
		byte[] body = line.getBytes(StandardCharsets.UTF_8);
		long timestamp = clock.instant().getEpochSecond();
		HttpResponse<Void> response = http.get().send(HttpRequest.newBuilder(settings.checkpointWebhook()).timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
				.header(WebhookSignature.SIGNATURE, WebhookSignature.sign(settings.checkpointWebhookSecret(), timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() / 100 != 2) {
			throw new IOException("the checkpoint webhook answered HTTP " + response.statusCode());
		}
	}
}
