package io.charter.devices.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.charter.MovableClock;
import io.charter.devices.DevicesSettings;

/** The per-client limit on enrolment attempts. */
class EnrollThrottleUnitTests {

	@Test
	void enrolmentAttemptsAreLimitedPerClientAndRefill() {
		MovableClock clock = new MovableClock();
		clock.set(Instant.parse("2026-12-07T10:00:00Z"));
		EnrollThrottle throttle = new EnrollThrottle(new DevicesSettings(DataSize.ofMegabytes(2), DataSize.ofMegabytes(8),
				Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(14), 2, Duration.ofMinutes(1), 0.95, DataSize.ofMegabytes(20), null), clock);
		assertThat(throttle.tryAcquire("203.0.113.7")).isTrue();
		assertThat(throttle.tryAcquire("203.0.113.7")).isTrue();
		assertThat(throttle.tryAcquire("203.0.113.7")).isFalse();
		assertThat(throttle.tryAcquire("198.51.100.1")).isTrue();
		clock.advance(Duration.ofSeconds(30));
		assertThat(throttle.tryAcquire("203.0.113.7")).isTrue();
	}
}
