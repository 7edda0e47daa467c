package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class UtcUnitTests {

	@Test
	void writesAnInstantInUtcAndNullAsNull() {
		Instant instant = Instant.parse("2026-03-29T01:30:00Z");
		assertThat(Utc.odt(instant).getOffset()).isEqualTo(ZoneOffset.UTC);
		assertThat(Utc.odt(instant).toInstant()).isEqualTo(instant);
		assertThat(Utc.odt(null)).isNull();
	}
}
