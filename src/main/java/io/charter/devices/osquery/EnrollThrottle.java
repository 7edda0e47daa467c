package io.charter.devices.osquery;

import java.time.Clock;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.charter.devices.DevicesSettings;
import io.charter.shared.Allowance;
import io.charter.shared.ClientKey;

/**
 * Limits enrolment attempts per client ({@link ClientKey}: no address is held), so enroll secrets
 * cannot be guessed at speed. Per instance: behind a load balancer each instance counts on its own.
 * A fleet behind one NAT address enrolls at most {@code charter.devices.enroll-attempts} per window
 * from there; osqueryd retries later on its own.
 */
@Component
class EnrollThrottle {

	private final Allowance.Rate rate;
	private final Cache<ClientKey, Allowance> allowances;
	private final Clock clock;

	EnrollThrottle(DevicesSettings settings, Clock clock) {
		this.rate = new Allowance.Rate(settings.enrollAttempts(), settings.enrollWindow());
		this.allowances = Caffeine.newBuilder().expireAfterAccess(settings.enrollWindow().multipliedBy(2))
				.maximumSize(100_000).build();
		this.clock = clock;
	}

	/** Takes one attempt from the client's allowance; false when it is used up. */
	boolean tryAcquire(String remoteAddress) {
		return allowances.asMap()
				.compute(ClientKey.of(remoteAddress), (k, allowance) -> Allowance.take(allowance, rate, clock.instant()))
				.granted();
	}
}
