package io.charter.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AllowanceUnitTests {

	static final Allowance.Rate RATE = new Allowance.Rate(3, Duration.ofMinutes(1));
	static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

	@Test
	void grantsTheCapacityThenRefusesUntilATakeHasRefilled() {
		Allowance allowance = null;
		for (int i = 0; i < 3; i++) {
			allowance = Allowance.take(allowance, RATE, T0);
			assertThat(allowance.granted()).isTrue();
		}
		allowance = Allowance.take(allowance, RATE, T0);
		assertThat(allowance.granted()).isFalse();
		assertThat(allowance.untilNext(RATE).toMillis()).isEqualTo(20_000);
		assertThat(Allowance.take(allowance, RATE, T0.plusSeconds(19)).granted()).isFalse();
		assertThat(Allowance.take(allowance, RATE, T0.plusSeconds(21)).granted()).isTrue();
	}

	@Test
	void refillsNoMoreThanTheCapacity() {
		Allowance allowance = Allowance.take(null, RATE, T0);
		allowance = Allowance.take(allowance, RATE, T0.plus(Duration.ofDays(1)));
		assertThat(allowance.tokens()).isEqualTo(2.0);
	}

	@Test
	void aClockThatStepsBackRefillsNothing() {
		Allowance allowance = Allowance.take(Allowance.take(Allowance.take(null, RATE, T0), RATE, T0), RATE, T0);
		assertThat(Allowance.take(allowance, RATE, T0.minusSeconds(30)).granted()).isFalse();
	}
}
