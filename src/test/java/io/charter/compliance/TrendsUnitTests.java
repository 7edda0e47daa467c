package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.charter.compliance.web.Trend;
import io.charter.shared.control.ControlStatus;

/** The trend of a clause and of the policy from the daily snapshots. */
class TrendsUnitTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	static Snapshots.Point point(LocalDate day, String control, String clause, ControlStatus status, long met, long of) {
		return new Snapshots.Point(day, control, Set.of(clause), status, met, of, 0);
	}

	static Clause s1() {
		return new Clause("S1", "work-behaviors", 1, 1, "Training", "words", Set.of("training-12-months"), null);
	}

	@Test
	void aDaysFigureIsTheShareMetOverTheClausesControlsAndItsStatusTheWorst() {
		List<Snapshots.Point> points = List.of(
				point(TODAY, "training-12-months", "S1", ControlStatus.PASSING, 95, 100),
				point(TODAY, "training-sessions-scheduled", "S1", ControlStatus.FAILING, 0, 0),
				point(TODAY, "device-screen-lock", "S5", ControlStatus.FAILING, 0, 100));

		Trend clause = Trends.clause(s1(), points, TODAY);
		assertThat(clause.months()).singleElement().satisfies(m -> {
			assertThat(m.percent()).isEqualTo(95);
			assertThat(m.status()).isEqualTo(ControlStatus.FAILING);
		});
		assertThat(Trends.policy(points, TODAY).months().get(0).percent()).isEqualTo(47);
	}

	@Test
	void theTableKeepsTheLastFigureOfEachMonthAndAGapBreaksTheLine() {
		List<Snapshots.Point> points = List.of(
				point(LocalDate.of(2025, 12, 8), "training-12-months", "S1", ControlStatus.FAILING, 10, 100),
				point(LocalDate.of(2026, 11, 1), "training-12-months", "S1", ControlStatus.FAILING, 50, 100),
				point(LocalDate.of(2026, 11, 2), "training-12-months", "S1", ControlStatus.ATTENTION, 91, 100),
				point(TODAY.minusDays(1), "training-12-months", "S1", ControlStatus.PASSING, 96, 100),
				point(TODAY, "training-12-months", "S1", ControlStatus.PASSING, 97, 100),
				// Older than twelve months and later than today: not drawn.
				point(LocalDate.of(2025, 12, 8).minusDays(1), "training-12-months", "S1", ControlStatus.PASSING, 1, 1),
				point(TODAY.plusDays(1), "training-12-months", "S1", ControlStatus.PASSING, 1, 1));

		Trend trend = Trends.clause(s1(), points, TODAY);

		assertThat(trend.from()).isEqualTo(LocalDate.of(2025, 12, 8));
		assertThat(trend.months()).extracting(Trend.Month::day, Trend.Month::percent).containsExactly(
				org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 12, 8), 10),
				org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 2), 91),
				org.assertj.core.groups.Tuple.tuple(TODAY, 97));
		// Three runs of consecutive days: the first day alone, 1-2 November, 6-7 December.
		assertThat(trend.lines()).hasSize(3);
		assertThat(trend.lines().get(0)).isEqualTo(Trend.LEFT + "," + Trend.y(10));
		assertThat(trend.lines().get(2)).endsWith((Trend.LEFT + Trend.PLOT_WIDTH) + "," + Trend.y(97));
	}

	@Test
	void aDayThatCountsNothingHasNoFigureAndNoLine() {
		Trend trend = Trends.clause(s1(), List.of(point(TODAY, "training-12-months", "S1", ControlStatus.NOT_MEASURED, 0, 0)),
				TODAY);
		assertThat(trend.lines()).isEmpty();
		assertThat(trend.months()).singleElement().satisfies(m -> assertThat(m.percent()).isNull());
		assertThat(Trends.policy(List.of(), TODAY).empty()).isTrue();
	}
}
