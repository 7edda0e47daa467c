package io.charter.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.charter.compliance.web.Trend;
import io.charter.shared.control.ControlStatus;

/**
 * Turns the daily snapshots into the twelve-month trend of a clause or of the whole policy. A day's
 * figure is the share met over every counted item of the controls concerned (a control that counts
 * nothing, such as "sessions scheduled", adds its status but no share); its status is the worst of
 * those controls, as on the table.
 */
final class Trends {

	static final int DAYS = 365;

	private Trends() {
	}

	/** The first day of the twelve months ending {@code today}. */
	static LocalDate from(LocalDate today) {
		return today.minusDays(DAYS - 1);
	}

	/** A clause's trend: the controls it is mapped to today and those that named it on the day. */
	static Trend clause(Clause clause, List<Snapshots.Point> points, LocalDate today) {
		return of(points, p -> clause.controls().contains(p.controlId()) || p.clauses().contains(clause.id()), today);
	}

	/** The whole policy: every control kept that day. */
	static Trend policy(List<Snapshots.Point> points, LocalDate today) {
		return of(points, p -> true, today);
	}

	record Day(LocalDate day, Integer percent, ControlStatus status) {
	}

	static Trend of(List<Snapshots.Point> points, Predicate<Snapshots.Point> concerned, LocalDate today) {
		LocalDate from = from(today);
		Map<LocalDate, List<Snapshots.Point>> byDay = new TreeMap<>();
		points.stream().filter(p -> !p.day().isBefore(from) && !p.day().isAfter(today)).filter(concerned)
				.forEach(p -> byDay.computeIfAbsent(p.day(), d -> new ArrayList<>()).add(p));
		List<Day> days = byDay.entrySet().stream().map(e -> day(e.getKey(), e.getValue())).toList();

		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		LocalDate previous = null;
		for (Day d : days) {
			boolean broken = d.percent() == null || previous == null || !previous.plusDays(1).equals(d.day());
			if (broken && !line.isEmpty()) {
				lines.add(line.toString().strip());
				line.setLength(0);
			}
			if (d.percent() != null) {
				line.append(x(from, d.day())).append(',').append(Trend.y(d.percent())).append(' ');
			}
			previous = d.percent() == null ? null : d.day();
		}
		if (!line.isEmpty()) {
			lines.add(line.toString().strip());
		}

		Map<YearMonth, Day> lastOfMonth = new TreeMap<>();
		days.forEach(d -> lastOfMonth.put(YearMonth.from(d.day()), d));
		List<Trend.Month> months = lastOfMonth.values().stream()
				.map(d -> new Trend.Month(d.day(), d.percent(), d.status(), x(from, d.day()),
						d.percent() == null ? Trend.y(0) : Trend.y(d.percent())))
				.toList();
		return new Trend(from, today, lines, months);
	}

	static Day day(LocalDate day, List<Snapshots.Point> points) {
		long met = points.stream().mapToLong(Snapshots.Point::met).sum();
		long of = points.stream().mapToLong(Snapshots.Point::of).sum();
		ControlStatus status = points.stream().map(Snapshots.Point::status)
				.min(Comparator.comparing(ClauseStanding.WORST_FIRST::indexOf)).orElse(ControlStatus.NOT_MEASURED);
		return new Day(day, of == 0 ? null : (int) Math.floor(100.0 * met / of), status);
	}

	private static int x(LocalDate from, LocalDate day) {
		return Trend.LEFT + Math.round(Trend.PLOT_WIDTH * ChronoUnit.DAYS.between(from, day) / (float) (DAYS - 1));
	}
}
