package io.charter.rights;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public holidays of one country, as data: dates fixed in the year, days counted from Easter
 * Sunday, and one-off dates. Saturdays and Sundays are never working days. Immutable.
 */
final class HolidayCalendar {

	/** The calendar shipped with Charter. */
	static final String RESOURCE = "/rights/holidays.properties";

	private final String country;
	private final String name;
	private final List<MonthDay> fixed;
	private final List<Integer> easterOffsets;
	private final Set<LocalDate> dates;

	HolidayCalendar(String country, String name, List<MonthDay> fixed, List<Integer> easterOffsets, Set<LocalDate> dates) {
		this.country = country;
		this.name = name;
		this.fixed = List.copyOf(fixed);
		this.easterOffsets = List.copyOf(easterOffsets);
		this.dates = Set.copyOf(dates);
	}

	/** Belgium, from the shipped calendar. */
	static HolidayCalendar belgium() {
		return of("BE", shipped());
	}

	/** The shipped calendar file. */
	static Properties shipped() {
		try (InputStream in = HolidayCalendar.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			return read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Properties read(InputStream in) throws IOException {
		Properties p = new Properties();
		p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		return p;
	}

	/** The calendar of a country in a calendar file; fails when the country is not in it or a line is malformed. */
	static HolidayCalendar of(String country, Properties file) {
		String cc = country.trim().toUpperCase(java.util.Locale.ROOT);
		if (file.getProperty(cc + ".fixed") == null && file.getProperty(cc + ".easter") == null
				&& file.getProperty(cc + ".dates") == null) {
			throw new IllegalArgumentException("No holiday calendar for country " + cc);
		}
		try {
			List<MonthDay> fixed = list(file.getProperty(cc + ".fixed")).stream()
					.map(s -> MonthDay.parse("--" + s)).toList();
			List<Integer> easter = list(file.getProperty(cc + ".easter")).stream().map(Integer::valueOf).toList();
			Set<LocalDate> dates = new TreeSet<>(list(file.getProperty(cc + ".dates")).stream().map(LocalDate::parse).toList());
			return new HolidayCalendar(cc, file.getProperty(cc + ".name", cc), fixed, easter, dates);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("Malformed holiday calendar for " + cc + ": " + e.getMessage(), e);
		}
	}

	private static List<String> list(String csv) {
		if (csv == null || csv.isBlank()) {
			return List.of();
		}
		return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	String country() {
		return country;
	}

	String name() {
		return name;
	}

	/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, day);
	}

	/** The holidays of a year, in order (weekends not included). */
	List<LocalDate> holidays(int year) {
		TreeSet<LocalDate> all = new TreeSet<>();
		for (MonthDay md : fixed) {
			if (md.isValidYear(year)) {
				all.add(md.atYear(year));
			}
		}
		LocalDate easter = easterSunday(year);
		for (int offset : easterOffsets) {
			all.add(easter.plusDays(offset));
		}
		for (LocalDate date : dates) {
			if (date.getYear() == year) {
				all.add(date);
			}
		}
		return new ArrayList<>(all);
	}

	boolean isHoliday(LocalDate date) {
		if (dates.contains(date)) {
			return true;
		}
		MonthDay md = MonthDay.from(date);
		if (fixed.contains(md)) {
			return true;
		}
		if (!easterOffsets.isEmpty()) {
			long fromEaster = date.toEpochDay() - easterSunday(date.getYear()).toEpochDay();
			// An offset may reach into the neighbouring year only in theory (e.g. -100); check both.
			long fromNextEaster = date.toEpochDay() - easterSunday(date.getYear() + 1).toEpochDay();
			long fromLastEaster = date.toEpochDay() - easterSunday(date.getYear() - 1).toEpochDay();
			for (int offset : easterOffsets) {
				if (offset == fromEaster || offset == fromNextEaster || offset == fromLastEaster) {
					return true;
				}
			}
		}
		return false;
	}

	boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
	}

	/** The date itself when it is a working day, else the next working day. */
	LocalDate workingDayOnOrAfter(LocalDate date) {
		LocalDate d = date;
		while (!isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}
}
