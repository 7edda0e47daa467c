package io.charter.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BackoffUnitTests {

	static final Backoff.Policy POLICY = new Backoff.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
			Duration.ofMinutes(10));
	static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

	@Test
	void theFirstFailuresAreFreeThenTheWaitDoublesUpToTheLongest() {
		Backoff backoff = null;
		Instant now = T0;
		long[] waits = new long[8];
		for (int i = 0; i < waits.length; i++) {
			now = now.plus(backoff == null ? Duration.ZERO : backoff.wait(POLICY, now));
			backoff = Backoff.failed(backoff, POLICY, now);
			waits[i] = backoff.wait(POLICY, now).toMillis();
		}
		assertThat(waits).containsExactly(0, 0, 0, 1000, 2000, 4000, 8000, 10000);
	}

	@Test
	void theWaitRunsOutWithTime() {
		Backoff backoff = failures(5, T0);
		assertThat(backoff.wait(POLICY, T0)).isEqualTo(Duration.ofSeconds(2));
		assertThat(backoff.wait(POLICY, T0.plusMillis(1500))).isEqualTo(Duration.ofMillis(500));
		assertThat(backoff.wait(POLICY, T0.plusSeconds(3))).isZero();
	}

	@Test
	void failuresAreForgottenOnceTheClientStayedAwayPastItsWait() {
		Backoff backoff = failures(5, T0);
		assertThat(Backoff.failed(backoff, POLICY, T0.plusSeconds(2).plus(Duration.ofMinutes(9))).failures()).isEqualTo(6);
		assertThat(Backoff.failed(backoff, POLICY, T0.plusSeconds(2).plus(Duration.ofMinutes(10))).failures()).isEqualTo(1);
	}

	@Test
	void aClockSetBackNeverMakesAWaitLonger() {
		assertThat(failures(3, T0).wait(POLICY, T0.minus(Duration.ofDays(90)))).isZero();
		assertThat(failures(5, T0).wait(POLICY, T0.minus(Duration.ofDays(90)))).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void thousandsOfFailuresStillWaitTheLongest() {
		assertThat(failures(5000, T0).wait(POLICY, T0)).isEqualTo(Duration.ofSeconds(10));
	}

	static Backoff failures(int count, Instant at) {
		Backoff backoff = null;
		for (int i = 0; i < count; i++) {
			backoff = Backoff.failed(backoff, POLICY, at);
		}
		return backoff;
	}
}
