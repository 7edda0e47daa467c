package io.charter.consent.log.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The records page's charts. */
class ConsentChartsUnitTests {

	@Test
	void chartScalesToRoundNumbers() {
		assertThat(ConsentLogReports.niceCeiling(1)).isEqualTo(2);
		assertThat(ConsentLogReports.niceCeiling(7)).isEqualTo(10);
		assertThat(ConsentLogReports.niceCeiling(11)).isEqualTo(20);
		assertThat(ConsentLogReports.niceCeiling(4999)).isEqualTo(5000);
	}
}
