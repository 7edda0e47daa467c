package io.charter.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.charter.MovableClock;
import io.charter.shared.Duty.Standing;
import io.charter.shared.Duty.State;

/** Clause S1 around its edges: a year after the last attendance, 90 days after a new joiner's start. */
class TrainingDutyUnitTests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
	final MovableClock clock = new MovableClock();
	final TrainingDuty duty = new TrainingDuty(null, null, new TrainingSettings(Period.ofMonths(12), Period.ofDays(90),
			Period.ofDays(30)), BRUSSELS);

	Standing on(String instant, LocalDate start, LocalDate attended) {
		clock.set(Instant.parse(instant));
		return duty.standing(start, attended, LocalDate.now(clock.withZone(BRUSSELS)));
	}

	@Test
	void anAttendanceCountsForTwelveMonthsItsLastDayIncluded() {
		LocalDate attended = LocalDate.of(2025, 12, 8);
		assertThat(on("2026-12-08T10:00:00Z", null, attended)).isEqualTo(new Standing(State.DONE, attended, null));
		assertThat(on("2026-12-08T22:59:59Z", null, attended).state()).as("23:59 in Brussels").isEqualTo(State.DONE);
		assertThat(on("2026-12-08T23:00:00Z", null, attended)).as("midnight in Brussels: the next day")
				.isEqualTo(new Standing(State.OVERDUE, attended, LocalDate.of(2026, 12, 8)));
	}

	@Test
	void aNewJoinerIsDueWithinNinetyDaysOfTheStartThenOverdue() {
		LocalDate start = LocalDate.of(2026, 9, 1);
		LocalDate dueBy = LocalDate.of(2026, 11, 30);
		assertThat(on("2026-08-15T10:00:00Z", start, null)).as("before the start")
				.isEqualTo(new Standing(State.DUE, null, dueBy));
		assertThat(on("2026-11-30T12:00:00Z", start, null)).isEqualTo(new Standing(State.DUE, null, dueBy));
		assertThat(on("2026-12-01T12:00:00Z", start, null)).isEqualTo(new Standing(State.OVERDUE, null, dueBy));
	}

	@Test
	void withoutAStartDateTheTrainingIsDueToday() {
		assertThat(on("2026-12-07T12:00:00Z", null, null))
				.isEqualTo(new Standing(State.DUE, null, LocalDate.of(2026, 12, 7)));
	}

	@Test
	void theValidityIsASetting() {
		TrainingDuty halfYear = new TrainingDuty(null, null, new TrainingSettings(Period.ofMonths(6), Period.ofDays(30),
				Period.ofDays(30)), BRUSSELS);
		LocalDate attended = LocalDate.of(2026, 1, 10);
		assertThat(halfYear.standing(null, attended, LocalDate.of(2026, 7, 10)).state()).isEqualTo(State.DONE);
		assertThat(halfYear.standing(null, attended, LocalDate.of(2026, 7, 11)).state()).isEqualTo(State.OVERDUE);
		assertThat(halfYear.standing(LocalDate.of(2026, 7, 1), null, LocalDate.of(2026, 7, 31)).state())
				.isEqualTo(State.DUE);
	}

	/**
	 * The control counts in SQL the attendances on or after {@code validSince}: for every day of four
	 * years (leap days and month ends included) and validities in months, days and years, an
	 * attendance on a day is done today exactly when it is on or after that day.
	 */
	@Test
	void theFirstValidDayIsWhereTheStandingRuleTurnsDone() {
		for (Period validFor : java.util.List.of(Period.ofMonths(12), Period.ofMonths(1), Period.ofMonths(6),
				Period.ofYears(1), Period.ofDays(365), Period.of(1, 1, 1))) {
			TrainingDuty rule = new TrainingDuty(null, null, new TrainingSettings(validFor, Period.ofDays(90),
					Period.ofDays(30)), BRUSSELS);
			for (LocalDate today = LocalDate.of(2027, 1, 1); today.isBefore(LocalDate.of(2029, 1, 1)); today = today.plusDays(1)) {
				LocalDate since = rule.validSince(today);
				for (LocalDate attended = since.minusDays(40); attended.isBefore(since.plusDays(40)); attended = attended.plusDays(1)) {
					assertThat(rule.standing(null, attended, today).state() == State.DONE)
							.as("%s, attended %s, today %s, since %s", validFor, attended, today, since)
							.isEqualTo(!attended.isBefore(since));
				}
			}
		}
	}
}
