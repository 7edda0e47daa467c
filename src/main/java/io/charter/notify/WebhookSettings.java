package io.charter.notify;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.charter.shared.Backoff;

/**
 * {@code charter.notify.webhooks.*}.
 *
 * @param maxAttempts attempts before a delivery is given up (and shown to administrators)
 * @param firstRetry the wait after the first failure; it doubles at each further failure
 * @param longestWait the longest wait between two attempts
 * @param timeout how long one attempt may take
 */
@ConfigurationProperties("charter.notify.webhooks")
record WebhookSettings(@DefaultValue("12") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration longestWait, @DefaultValue("10s") Duration timeout) {

	/** 1, 2, 4, 8 … times the first retry after as many failed attempts, at most the longest wait. */
	Duration waitAfter(int attempts) {
		Instant now = Instant.EPOCH;
		return new Backoff(attempts, now).wait(new Backoff.Policy(0, firstRetry, longestWait, Duration.ZERO), now);
	}
}
