package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;

class ClauseStandingUnitTests {

	private static Clause clause(String id, String... controls) {
		return new Clause(id, "work-behaviors", 1, 1, "title", "words", Set.of(controls), null);
	}

	private static Control share(String id, String clause, long met, long of, long exempted) {
		return Control.share(id, "t", Set.of(clause), met, of, exempted, 0.95, "f", "/items");
	}

	@Test
	void aClauseNoControlMeasuresIsNotMeasuredNeverPassing() {
		assertThat(ClauseStanding.of(clause("S2"), List.of(share("other", "S1", 10, 10, 0))).status())
				.isEqualTo(ControlStatus.NOT_MEASURED);
	}

	@Test
	void aMappedControlNoModuleReportsKeepsTheClauseNotMeasuredBesideAPassingOne() {
		ClauseStanding standing = ClauseStanding.of(clause("S1", "a", "b"), List.of(share("a", "S1", 10, 10, 0)));
		assertThat(standing.status()).isEqualTo(ControlStatus.NOT_MEASURED);
		assertThat(standing.missing()).containsExactly("b");
	}

	@Test
	void theWorstControlDecidesAndAFailureShowsThroughAGap() {
		// 96 of 100 passes 95 %, 92 of 100 is within the 5-point margin, 80 of 100 fails.
		assertThat(ClauseStanding.of(clause("S1", "a", "b"),
				List.of(share("a", "S1", 96, 100, 0), share("b", "S1", 92, 100, 0))).status())
				.isEqualTo(ControlStatus.ATTENTION);
		assertThat(ClauseStanding.of(clause("S1", "a", "b", "gap"),
				List.of(share("a", "S1", 96, 100, 0), share("b", "S1", 80, 100, 0))).status())
				.isEqualTo(ControlStatus.FAILING);
		assertThat(ClauseStanding.of(clause("S1", "a"), List.of(share("a", "S1", 96, 100, 0))).status())
				.isEqualTo(ControlStatus.PASSING);
	}

	@Test
	void aControlNamingTheClauseCountsWithoutAMappingAndExemptedItemsAddUpApart() {
		ClauseStanding standing = ClauseStanding.of(clause("S5"),
				List.of(share("x", "S5", 90, 100, 4), share("y", "S5", 100, 100, 0), share("z", "S6", 0, 10, 3)));
		assertThat(standing.controls()).extracting(Control::id).containsExactly("x", "y");
		assertThat(standing.exempted()).isEqualTo(4);
		assertThat(standing.status()).isEqualTo(ControlStatus.ATTENTION);
	}
}
