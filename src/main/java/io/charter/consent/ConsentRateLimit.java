package io.charter.consent;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Consent writes per source (the keyed hash of the client's network) and minute, per instance:
 * a token bucket of {@code charter.consent.rate-limit-per-minute} tokens, refilled evenly.
 */
@Component
class ConsentRateLimit {

	private final int perMinute;
	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2))
			.maximumSize(200_000).build();

	ConsentRateLimit(ConsentLogSettings settings) {
		this.perMinute = Math.max(1, settings.rateLimitPerMinute());
	}

	/** Takes one token for the source or refuses with 429 and the time until the next token. */
	void take(String sourceHash) {
		Bucket bucket = buckets.get(sourceHash, k -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
				.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw ConsentRefused.retryLater(HttpStatus.TOO_MANY_REQUESTS,
					"Too many consent records from this network; try again later.", wait);
		}
	}
}
