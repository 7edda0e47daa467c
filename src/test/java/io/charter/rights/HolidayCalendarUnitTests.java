package io.charter.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayCalendarUnitTests {

	final HolidayCalendar belgium = HolidayCalendar.belgium();

	@ParameterizedTest(name = "Easter {0} is {1}")
	@CsvSource({ "1818,1818-03-22", "1943,1943-04-25", "2000,2000-04-23", "2008,2008-03-23", "2011,2011-04-24",
			"2019,2019-04-21", "2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28",
			"2028,2028-04-16", "2038,2038-04-25", "2285,2285-03-22" })
	void computesEasterSunday(int year, LocalDate easter) {
		assertThat(HolidayCalendar.easterSunday(year)).isEqualTo(easter);
	}

	@Test
	void knowsTheTenBelgianPublicHolidays() {
		assertThat(belgium.holidays(2025)).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 21),
				LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 29), LocalDate.of(2025, 6, 9), LocalDate.of(2025, 7, 21),
				LocalDate.of(2025, 8, 15), LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 11),
				LocalDate.of(2025, 12, 25));
		assertThat(belgium.holidays(2026)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6),
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 21),
				LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11),
				LocalDate.of(2026, 12, 25));
		// Ten a year, nine when two coincide (Ascension fell on 1 May in 2008).
		assertThat(belgium.holidays(2008)).hasSize(9).contains(LocalDate.of(2008, 5, 1));
		for (int year = 1990; year <= 2100; year++) {
			List<LocalDate> days = belgium.holidays(year);
			assertThat(days).hasSizeBetween(9, 10);
			days.forEach(d -> assertThat(belgium.isHoliday(d)).isTrue());
		}
	}

	@Test
	void weekendsAndHolidaysAreNotWorkingDays() {
		assertThat(belgium.isWorkingDay(LocalDate.of(2025, 4, 5))).isFalse(); // Saturday
		assertThat(belgium.isWorkingDay(LocalDate.of(2025, 4, 6))).isFalse(); // Sunday
		assertThat(belgium.isWorkingDay(LocalDate.of(2025, 4, 21))).isFalse(); // Easter Monday
		assertThat(belgium.isWorkingDay(LocalDate.of(2025, 4, 22))).isTrue();
		assertThat(belgium.isWorkingDay(LocalDate.of(2025, 12, 26))).isTrue(); // not a Belgian public holiday
		assertThat(belgium.isHoliday(LocalDate.of(2025, 4, 20))).isFalse(); // Easter Sunday: a Sunday, not listed
		assertThat(belgium.workingDayOnOrAfter(LocalDate.of(2025, 7, 19))).isEqualTo(LocalDate.of(2025, 7, 22));
	}

	@Test
	void otherCountriesAreData() throws Exception {
		Properties file = new Properties();
		file.load(new StringReader("""
				XX.name=Example
				XX.fixed=01-02,02-29
				XX.easter=-2
				XX.dates=2025-06-02
				"""));
		HolidayCalendar example = HolidayCalendar.of("xx", file);
		assertThat(example.country()).isEqualTo("XX");
		assertThat(example.holidays(2025)).containsExactly(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 4, 18),
				LocalDate.of(2025, 6, 2));
		assertThat(example.holidays(2028)).contains(LocalDate.of(2028, 2, 29)).hasSize(3);
		assertThat(new Deadlines(example).firstDue(LocalDate.of(2025, 5, 2), 0)).isEqualTo(LocalDate.of(2025, 6, 3));
	}

	@Test
	void refusesAnUnknownCountryOrAMalformedCalendar() throws Exception {
		assertThatThrownBy(() -> HolidayCalendar.of("ZZ", HolidayCalendar.shipped()))
				.hasMessageContaining("No holiday calendar for country ZZ");
		Properties bad = new Properties();
		bad.setProperty("YY.fixed", "13-45");
		assertThatThrownBy(() -> HolidayCalendar.of("YY", bad)).hasMessageContaining("Malformed holiday calendar for YY");
	}
}
