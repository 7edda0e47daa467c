package io.charter.premises;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;

/**
 * The premises' controls: every visit this month with a host (S3: must be all of them) with the
 * visitors checked in this month, the incident reports still open with the median time to
 * acknowledge over the last 90 days (S2), and this quarter's clean-desk spot checks (S4).
 */
@Component
class PremisesControls implements ControlReport {

	private final Visits visits;
	private final Incidents incidents;
	private final DeskChecks deskChecks;
	private final ZoneId zone;

	PremisesControls(Visits visits, Incidents incidents, DeskChecks deskChecks,
			@Value(PremisesSettings.ZONE) ZoneId zone) {
		this.visits = visits;
		this.incidents = incidents;
		this.deskChecks = deskChecks;
		this.zone = zone;
	}

	@Override
	public List<Control> controls(LocalDate today) {
		LocalDate month = today.withDayOfMonth(1);
		int[] counted = visits.expectedBetween(month.atStartOfDay(zone).toInstant(),
				month.plusMonths(1).atStartOfDay(zone).toInstant());
		Instant from = month.atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atStartOfDay(zone).toInstant();
		Control hosted = new Control("visits-with-host", "premises.control.visits", Set.of("S3"),
				ControlStatus.ofShare(counted[1], counted[0], 1.0), counted[1], counted[0], 0, 1.0,
				"premises.control.visits-month", List.of(visits.checkedInBetween(from, to)), "/premises/on-site");
		int open = incidents.open();
		Duration median = median(incidents.acknowledgedSince(today.minusDays(90).atStartOfDay(zone).toInstant()).stream()
				.map(Incident::timeToAcknowledge).filter(Objects::nonNull).sorted().toList());
		Control reports = new Control("incidents-open", "premises.control.incidents", Set.of("S2"),
				open == 0 ? ControlStatus.PASSING : ControlStatus.ATTENTION, 0, 0, 0, null,
				"premises.control.incidents-figure", List.of(open, median == null ? Duration.ZERO : median), "/incidents");
		return List.of(hosted, reports, cleanDesk(today));
	}

	/**
	 * This quarter's spot checks (S4): the desks found clear among those checked; attention while no
	 * desk was checked this quarter, as the policy cannot be shown to be followed then.
	 */
	private Control cleanDesk(LocalDate today) {
		LocalDate quarter = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
		long[] done = deskChecks.between(quarter, quarter.plusMonths(3));
		long desks = done[1];
		long clear = Math.max(0, desks - done[2]);
		return new Control("clean-desk-checks", "premises.control.clean-desk", Set.of("S4"),
				desks == 0 ? ControlStatus.ATTENTION : ControlStatus.PASSING, clear, desks, 0, null,
				"premises.control.clean-desk-figure", List.of(done[0], done[2]), CleanDeskController.PATH);
	}

	static Duration median(List<Duration> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}
}
