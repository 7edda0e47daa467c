package io.charter.consent.log;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.charter.consent.ConsentLogSettings;
import io.charter.shared.Allowance;


/**
 * Consent writes per source (the keyed hash of the client's network, {@link SourceHashes}) and
 * minute, per instance: {@code charter.consent.rate-limit-per-minute} takes, refilled evenly.
 */
@Component
class ConsentRateLimit {

	private final Allowance.Rate rate;
	private final Clock clock;
	private final Cache<String, Allowance> allowances = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2))
			.maximumSize(200_000).build();

	ConsentRateLimit(ConsentLogSettings settings, Clock clock) {
		this.rate = new Allowance.Rate(Math.max(1, settings.rateLimitPerMinute()), Duration.ofMinutes(1));
		this.clock = clock;
	}

	/** Takes one write for the source or refuses with 429 and the time until the next one. */
	void take(String sourceHash) {
		Allowance allowance = allowances.asMap().compute(sourceHash, (k, a) -> Allowance.take(a, rate, clock.instant()));
		if (!allowance.granted()) {
			throw ConsentRefused.retryLater(HttpStatus.TOO_MANY_REQUESTS,
					"Too many consent records from this network; try again later.", allowance.untilNext(rate));
		}
	}
}
