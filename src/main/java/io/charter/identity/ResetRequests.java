package io.charter.identity;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import io.charter.shared.Allowance;
import io.charter.shared.ClientKey;

/**
 * How many "forgot password" requests a client may make ({@code charter.identity.reset-*}), so that
 * nobody fills a colleague's mailbox or probes many addresses. Counted per {@link ClientKey}, every
 * request alike whether the address has an account or not; in memory, per instance.
 */
@Component
class ResetRequests {

	private final Allowance.Rate rate;
	private final Clock clock;
	private final Cache<ClientKey, Allowance> allowances;

	ResetRequests(IdentitySettings settings, Clock clock) {
		this.rate = settings.resetRate();
		this.clock = clock;
		this.allowances = Caffeine.newBuilder().expireAfterAccess(rate.window()).maximumSize(100_000).build();
	}

	/** Takes one request from the client's allowance; false when it has none left. */
	boolean take(String remoteAddress) {
		return allowances.asMap()
				.compute(ClientKey.of(remoteAddress), (k, current) -> Allowance.take(current, rate, clock.instant()))
				.granted();
	}
}
