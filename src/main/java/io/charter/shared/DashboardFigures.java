package io.charter.shared;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The figures of the day on the staff dashboard (requests due, letters held, the consent rate),
 * contributed as a bean by the module that counts them, so that the dashboard shows them without
 * knowing the modules. Asked on every visit: answer with one cheap query, from the repositories
 * rather than secured services (it answers for every role). A contributor that throws costs only its
 * own figures.
 */
@FunctionalInterface
public interface DashboardFigures {

	/** The figures as things stand on this day; empty when the module has nothing to count. */
	List<Figure> figures(Today today);

	/**
	 * The day the dashboard is shown, in the organisation's time zone, so that every module counts the
	 * same week.
	 */
	record Today(LocalDate date, ZoneId zone) {

		/** The Monday of this week. */
		public LocalDate weekStart() {
			return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		}

		/** The Sunday of this week. */
		public LocalDate weekEnd() {
			return date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		}

		/** The moment this week began: Monday at midnight. */
		public Instant weekStartedAt() {
			return weekStart().atStartOfDay(zone).toInstant();
		}
	}

	/**
	 * One figure on the dashboard.
	 *
	 * @param messageKey its text in the contributing module's bundle; a count among the arguments is
	 *        worded with a choice ({@code {0,choice,0#no request|1#1 request|1<{0} requests}}), a share
	 *        with {@code {1,number,percent}}
	 * @param arguments counts, shares and names, never personal data; a {@code LocalDate} or
	 *        {@code Instant} reads as the page's date or time
	 * @param link the page where it is dealt with; null for none
	 * @param roles who sees it (at least one). Figures for {@link Role#EMPLOYEE} are what is asked of
	 *        the user, shown under "What is asked of you"; the others are the team's figures
	 */
	record Figure(String messageKey, List<Object> arguments, String link, Set<Role> roles) {

		public Figure {
			DashboardLines.check("figure", messageKey, link, roles);
			arguments = List.copyOf(arguments);
			roles = Set.copyOf(EnumSet.copyOf(roles));
		}

		/** Whether someone holding these roles sees it. */
		public boolean visibleTo(Collection<Role> held) {
			return held.stream().anyMatch(roles::contains);
		}

		/** Whether it is asked of the user rather than a figure of the team. */
		public boolean askedOfEmployees() {
			return roles.contains(Role.EMPLOYEE);
		}
	}
}
