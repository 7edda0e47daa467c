package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.charter.MovableClock;
import io.charter.devices.web.ApprovalView;

/** Catalogue entries matching installed software, and the per-client limit on enrolment attempts. */
class ApprovalAndThrottleUnitTests {

	@Test
	void anEntryMatchesByExactNameOrGlobPublisherAndPlatform() {
		assertThat(entry("osquery", null, null).approves("OSQUERY", "anyone", "linux")).isTrue();
		assertThat(entry("osquery", null, null).approves("osqueryi", null, "linux")).isFalse();
		assertThat(entry("Notepad++*", null, null).approves("Notepad++ (64-bit x64)", null, "windows")).isTrue();
		assertThat(entry("*", "com.apple.*", "darwin").approves("Safari.app", "com.apple.Safari", "darwin")).isTrue();
		// Regex characters in a pattern are literal.
		assertThat(entry("*", "com.apple.*", "darwin").approves("Evil.app", "comXapple.evil", "darwin")).isFalse();
		assertThat(entry("*", "com.apple.*", "darwin").approves("Safari.app", "com.apple.Safari", "windows")).isFalse();
		assertThat(entry("*", "*ubuntu*", "linux").approves("bash", null, "linux")).isFalse();
	}

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

	private static ApprovalView entry(String pattern, String publisher, String platform) {
		return new ApprovalView(UUID.randomUUID(), pattern, publisher, platform, null, Instant.EPOCH, "test");
	}
}
