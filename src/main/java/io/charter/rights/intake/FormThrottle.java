package io.charter.rights.intake;

import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.charter.shared.Allowance;
import io.charter.shared.ClientKey;

/**
 * Limits how many requests the public form accepts from one client ({@link ClientKey}: no address
 * is held). Per instance: behind a load balancer each instance counts on its own.
 */
final class FormThrottle {

	private final Allowance.Rate rate;
	private final Cache<ClientKey, Allowance> allowances;

	FormThrottle(int limit, java.time.Duration window) {
		this.rate = new Allowance.Rate(limit, window);
		this.allowances = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
	}

	/** Takes one submission from the client's allowance; false when it is used up. */
	boolean tryAcquire(ClientKey client, Instant now) {
		return allowances.asMap().compute(client, (k, allowance) -> Allowance.take(allowance, rate, now)).granted();
	}
}
