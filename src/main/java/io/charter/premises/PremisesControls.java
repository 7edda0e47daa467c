package io.charter.premises;

import java.time.Duration;
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
 * The premises' controls: every visit this month with a host (S3: must be all of them), and the
 * incident reports still open with the median time to acknowledge over the last 90 days (S2).
 */
@Component
class PremisesControls implements ControlReport {

	private final Visits visits;
	private final Incidents incidents;
	private final ZoneId zone;

	PremisesControls(Visits visits, Incidents incidents, @Value(PremisesSettings.ZONE) ZoneId zone) {
		this.visits = visits;
		this.incidents = incidents;
		this.zone = zone;
	}

	@Override
	public List<Control> controls(LocalDate today) {
		LocalDate month = today.withDayOfMonth(1);
		int[] counted = visits.expectedBetween(month.atStartOfDay(zone).toInstant(),
				month.plusMonths(1).atStartOfDay(zone).toInstant());
		Control hosted = Control.share("visits-with-host", "premises.control.visits", Set.of("S3"), counted[1],
				counted[0], 0, 1.0, "premises.control.visits-figure", "/premises/on-site");
		int open = incidents.open();
		Duration median = median(incidents.acknowledgedSince(today.minusDays(90).atStartOfDay(zone).toInstant()).stream()
				.map(Incident::timeToAcknowledge).filter(Objects::nonNull).sorted().toList());
		Control reports = new Control("incidents-open", "premises.control.incidents", Set.of("S2"),
				open == 0 ? ControlStatus.PASSING : ControlStatus.ATTENTION, 0, 0, 0, null,
				"premises.control.incidents-figure", List.of(open, median == null ? Duration.ZERO : median), "/incidents");
		return List.of(hosted, reports);
	}

	static Duration median(List<Duration> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}
}
