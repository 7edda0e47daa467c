package io.charter.premises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The median time to acknowledge: the middle one, or the mean of the middle two. */
class PremisesControlsUnitTests {

	@Test
	void theMedianOfOddAndEvenCounts() {
		assertThat(PremisesControls.median(List.of())).isNull();
		assertThat(PremisesControls.median(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(9))))
				.isEqualTo(Duration.ofMinutes(5));
		assertThat(PremisesControls.median(List.of(Duration.ofMinutes(2), Duration.ofMinutes(4))))
				.isEqualTo(Duration.ofMinutes(3));
	}
}
