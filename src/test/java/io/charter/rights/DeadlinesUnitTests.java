package io.charter.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GDPR art. 12(3) deadlines under Regulation 1182/71 with the Belgian calendar. Each row: date of
 * receipt, days the clock was suspended, whether the period was extended, the due date, and why.
 */
class DeadlinesUnitTests {

	final Deadlines deadlines = new Deadlines(HolidayCalendar.belgium());

	@ParameterizedTest(name = "received {0}, suspended {1}, extended {2} -> due {3}: {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# the examples of the issue
			2025-03-05 | 0  | false | 2025-04-07 | 5 April 2025 is a Saturday: Monday 7 April
			2025-08-31 | 0  | false | 2025-09-30 | 31 September does not exist: last day of the month
			# the day of receipt is not counted: same date one month later
			2025-06-10 | 0  | false | 2025-07-10 | an ordinary Thursday
			# month ends
			2025-01-31 | 0  | false | 2025-02-28 | 31 February does not exist, non-leap year
			2027-01-31 | 0  | false | 2027-03-01 | 28 February 2027 is a Sunday
			2025-10-31 | 0  | false | 2025-12-01 | 30 November 2025 is a Sunday
			2027-12-31 | 0  | false | 2028-01-31 | across the year end
			# leap years
			2028-01-31 | 0  | false | 2028-02-29 | 29 February exists in 2028
			2028-01-29 | 0  | false | 2028-02-29 | received on the 29th
			2028-02-29 | 0  | false | 2028-03-29 | received on 29 February
			# every Belgian public holiday
			2024-12-01 | 0  | false | 2025-01-02 | New Year's Day
			2025-03-21 | 0  | false | 2025-04-22 | Easter Monday 2025 (Easter 20 April)
			2026-03-06 | 0  | false | 2026-04-07 | Easter Monday 2026 (Easter 5 April)
			2027-02-28 | 0  | false | 2027-03-30 | Sunday 28 March 2027 is Easter, then Easter Monday
			2025-04-01 | 0  | false | 2025-05-02 | Labour Day
			2025-04-29 | 0  | false | 2025-05-30 | Ascension 2025
			2026-04-14 | 0  | false | 2026-05-15 | Ascension 2026
			2025-05-09 | 0  | false | 2025-06-10 | Whit Monday 2025
			2026-04-25 | 0  | false | 2026-05-26 | Whit Monday 2026
			2025-06-21 | 0  | false | 2025-07-22 | National Day
			2025-06-19 | 0  | false | 2025-07-22 | Saturday, Sunday, then National Day on Monday
			2025-07-15 | 0  | false | 2025-08-18 | Assumption on a Friday, then the weekend
			2025-10-01 | 0  | false | 2025-11-03 | All Saints' Day on a Saturday
			2025-10-11 | 0  | false | 2025-11-12 | Armistice Day
			2025-11-25 | 0  | false | 2025-12-26 | Christmas; 26 December is a working day in Belgium
			2026-11-25 | 0  | false | 2026-12-28 | Christmas on a Friday, then the weekend
			# suspension: the end moves by the days suspended, then off a non-working day
			2025-03-05 | 1  | false | 2025-04-07 | one day: Sunday 6 April, so Monday 7 April
			2025-03-05 | 3  | false | 2025-04-08 | three days: Tuesday 8 April
			2025-01-31 | 2  | false | 2025-03-03 | from 28 February, two days: Sunday 2 March
			2025-04-27 | 2  | false | 2025-05-30 | from 27 May, two days: Ascension
			# extension by two further months: the earlier reading at month ends
			2025-03-05 | 0  | true  | 2025-06-05 | three months after receipt
			2025-01-31 | 0  | true  | 2025-04-28 | 28 February + 2 months, not 30 April
			2027-01-31 | 0  | true  | 2027-04-28 | 28 February + 2 months, not 30 April
			2028-01-31 | 0  | true  | 2028-05-02 | 29 April 2028 is a Saturday, 1 May a holiday
			2027-11-30 | 0  | true  | 2028-02-29 | into a leap February
			2025-08-31 | 0  | true  | 2025-12-01 | 30 November 2025 is a Sunday
			2025-03-31 | 0  | true  | 2025-06-30 | 30 April + 2 months: 30 June, as from receipt
			2025-12-31 | 0  | true  | 2026-03-31 | across the year end
			2025-03-05 | 10 | true  | 2025-06-16 | extended and suspended: Sunday 15 June
			""")
	void computesTheDueDate(LocalDate receivedOn, int suspendedDays, boolean extended, LocalDate expected, String why) {
		LocalDate due = deadlines.due(receivedOn, suspendedDays, extended);
		assertThat(due).as(why).isEqualTo(expected);
		assertThat(deadlines.calendar().isWorkingDay(due)).as("a due date is a working day").isTrue();
	}

	@Test
	void theFirstMonthStaysTheLimitForExtensionsAndRefusals() {
		LocalDate received = LocalDate.of(2025, 3, 5);
		assertThat(deadlines.firstDue(received, 0)).isEqualTo(LocalDate.of(2025, 4, 7));
		assertThat(deadlines.extendedDue(received, 0)).isEqualTo(LocalDate.of(2025, 6, 5));
		assertThat(deadlines.firstDue(received, 3)).isEqualTo(LocalDate.of(2025, 4, 8));
	}

	@Test
	void takesTheEarlierOfTheTwoReadingsOfTwoFurtherMonths() {
		// Every date of a leap and a non-leap year: never later than either reading.
		for (LocalDate d = LocalDate.of(2027, 1, 1); d.isBefore(LocalDate.of(2029, 1, 1)); d = d.plusDays(1)) {
			LocalDate chained = d.plusMonths(1).plusMonths(2);
			LocalDate fromReceipt = d.plusMonths(3);
			assertThat(Deadlines.threeMonthsAfter(d)).as(d.toString()).isBeforeOrEqualTo(chained)
					.isBeforeOrEqualTo(fromReceipt).isIn(chained, fromReceipt);
		}
	}

	@Test
	void aDueDateIsTheEndOfTheMonthOrAtMostThreeDaysLater() {
		// Three: Saturday, Sunday, then a holiday on Monday (or a holiday on Friday, then the weekend).
		// No two Belgian holidays are close enough to make it four.
		for (LocalDate d = LocalDate.of(1990, 1, 1); d.isBefore(LocalDate.of(2101, 1, 1)); d = d.plusDays(1)) {
			LocalDate due = deadlines.firstDue(d, 0);
			assertThat(due).isAfterOrEqualTo(d.plusMonths(1)).isBeforeOrEqualTo(d.plusMonths(1).plusDays(3));
			assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		}
	}

	@Test
	void countsSuspendedDaysBetweenQuestionAndAnswer() {
		assertThat(Deadlines.daysSuspended(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 12))).isEqualTo(2);
		assertThat(Deadlines.daysSuspended(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10))).isZero();
		assertThat(Deadlines.daysSuspended(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 9))).isZero();
		assertThat(Deadlines.daysSuspended(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 3, 1))).isEqualTo(2);
	}

	@Test
	void refusesNegativeSuspension() {
		assertThatThrownBy(() -> deadlines.due(LocalDate.of(2025, 3, 5), -1, false))
				.isExactlyInstanceOf(IllegalArgumentException.class);
	}
}
