package io.charter.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import io.charter.platform.JobRuns;
import io.charter.shared.WebhookSignature;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Posts the deliveries that are due, signed at each attempt (the timestamp is the attempt's, so a
 * receiver's replay window holds for retries too). Locked per cluster, so with several instances
 * on one database each attempt is made by one of them only.
 */
@Component
class WebhookDispatcher {

	static final String JOB = "notify.webhook-dispatch";
	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookDeliveries deliveries;
	private final Map<String, WebhookEndpoint> endpoints;
	private final WebhookSettings settings;
	private final NotifySettings notify;
	private final JobRuns runs;
	private final Clock clock;
	// Built at the first delivery: the first HTTP client of a JVM loads its TLS set-up, a cost at every start otherwise.
	private final Supplier<HttpClient> http;

	WebhookDispatcher(WebhookDeliveries deliveries, List<WebhookEndpoint> endpoints, WebhookSettings settings,
			NotifySettings notify, JobRuns runs, Clock clock) {
		this.deliveries = deliveries;
		this.endpoints = endpoints.stream().collect(Collectors.toMap(WebhookEndpoint::name, Function.identity()));
		this.settings = settings;
		this.notify = notify;
		this.runs = runs;
		this.clock = clock;
		// Receivers are configured by administrators; a redirect could still carry a signed body elsewhere.
		this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
				.followRedirects(HttpClient.Redirect.NEVER).build());
	}

	@Scheduled(fixedDelayString = "${charter.notify.webhooks.dispatch-interval:15s}", initialDelayString = "7s")
	@SchedulerLock(name = JOB, lockAtLeastFor = "PT1S", lockAtMostFor = "PT10M")
	public void dispatch() {
		Instant started = clock.instant();
		int delivered = 0;
		int failed = 0;
		for (WebhookDeliveries.Due due : deliveries.due(started, 100)) {
			int attempt = due.attempts() + 1;
			String error = post(due);
			if (error == null) {
				deliveries.delivered(due.id(), attempt, clock.instant());
				delivered++;
				continue;
			}
			failed++;
			Instant now = clock.instant();
			Instant next = attempt >= settings.maxAttempts() ? null : now.plus(settings.waitAfter(attempt));
			deliveries.failed(due.id(), attempt, error, next, now);
			log.warn("Webhook {} to {} failed ({}, attempt {}{})", due.id(), due.endpoint(), error, attempt,
					next == null ? "; given up" : "");
		}
		if (delivered + failed > 0) {
			runs.record(JOB, started, "delivered " + delivered + ", failed " + failed);
		}
	}

	/** Null when the receiver answered 2xx, else why not (no personal data: status or exception class). */
	private String post(WebhookDeliveries.Due due) {
		WebhookEndpoint endpoint = endpoints.get(due.endpoint());
		if (endpoint == null || !endpoint.configured()) {
			return "endpoint no longer configured";
		}
		byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
		long timestamp = clock.instant().getEpochSecond();
		try {
			HttpResponse<Void> response = http.get().send(HttpRequest.newBuilder(URI.create(endpoint.url()))
					.timeout(settings.timeout()).header("Content-Type", "application/json")
					.header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
					.header(WebhookSignature.SIGNATURE, WebhookSignature.sign(endpoint.secret(), timestamp, body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (Exception e) {
			return e.getClass().getSimpleName();
		}
	}

	@Scheduled(cron = "${charter.notify.purge-cron:0 17 3 * * *}")
	@SchedulerLock(name = "notify.webhook-purge", lockAtMostFor = "PT30M")
	public void purge() {
		deliveries.purgeBefore(clock.instant().minus(notify.outboxRetention()));
	}
}
