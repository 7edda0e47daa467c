package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.charter.devices.web.ApprovalView;

/** Catalogue entries matching installed software. */
class ApprovalUnitTests {

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

	private static ApprovalView entry(String pattern, String publisher, String platform) {
		return new ApprovalView(UUID.randomUUID(), pattern, publisher, platform, null, Instant.EPOCH, "test");
	}
}
