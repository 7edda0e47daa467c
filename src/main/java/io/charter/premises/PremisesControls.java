package io.charter.premises;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.control.Control;
import io.charter.platform.Utc;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;
import io.charter.shared.control.ControlStatus;

/**
 * The premises' controls: every visit this month with a host (S3: must be all of them) with the
 * visitors checked in this month, the incident reports still open with the median time to
 * acknowledge over the last 90 days (S2), and this quarter's clean-desk spot checks (S4).
 */
@Component
class PremisesControls implements ControlReport {

	static final String VISITS = "visits-with-host";
	static final String INCIDENTS = "incidents-open";
	static final String CLEAN_DESK = "clean-desk-checks";

	private final Visits visits;
	private final Incidents incidents;
	private final DeskChecks deskChecks;
	private final ZoneId zone;
	private final JdbcClient jdbc;

	PremisesControls(Visits visits, Incidents incidents, DeskChecks deskChecks,
			@Value(PremisesSettings.ZONE) ZoneId zone, JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		Control hosted = new Control(VISITS, "premises.control.visits", Set.of("S3"),
				ControlStatus.ofShare(counted[1], counted[0], 1.0), counted[1], counted[0], 0, 1.0,
				"premises.control.visits-month", List.of(visits.checkedInBetween(from, to)), "/premises/on-site");
		int open = incidents.open();
		Duration median = median(incidents.acknowledgedSince(today.minusDays(90).atStartOfDay(zone).toInstant()).stream()
				.map(Incident::timeToAcknowledge).filter(Objects::nonNull).sorted().toList());
		Control reports = new Control(INCIDENTS, "premises.control.incidents", Set.of("S2"),
				open == 0 ? ControlStatus.PASSING : ControlStatus.ATTENTION, 0, 0, 0, null,
				"premises.control.incidents-figure", List.of(open, median == null ? Duration.ZERO : median), "/incidents");
		return List.of(hosted, reports, cleanDesk(today));
	}

	/**
	 * The rows behind each premises control over the period, by id only: visits with their host (a
	 * person id) and when the visitor signed in and out, never the visitor's name, company or e-mail;
	 * incidents with their dates and state, never their description or reporter; desk checks with the
	 * number of desks and findings, never who was found.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<EvidenceRows> evidence(String controlId, LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		return switch (controlId) {
			case VISITS -> Optional.of(rows(List.of("visit_id", "expected_at", "host_id", "walk_in", "escort",
					"checked_in_at", "checked_out_at"), jdbc.sql("""
							select id, expected_at, host_id, walk_in, escort, checked_in_at, checked_out_at from premises_visit
							where expected_at >= :from and expected_at < :to order by expected_at, id"""), start, end));
			case INCIDENTS -> Optional.of(rows(List.of("incident_id", "kind", "occurred_at", "reported_at",
					"acknowledged_at", "resolved_at", "status"), jdbc.sql("""
							select id, kind, occurred_at, reported_at, acknowledged_at, resolved_at, status from premises_incident
							where reported_at >= :from and reported_at < :to order by reported_at, id"""), start, end));
			case CLEAN_DESK -> Optional.of(new EvidenceRows(List.of("check_id", "checked_on", "area", "desks_checked",
					"findings"), jdbc.sql("""
							select c.id, c.checked_on, c.area, c.desks_checked,
							  (select count(*) from premises_desk_finding f where f.check_id = c.id)
							from premises_desk_check c where c.checked_on >= :from and c.checked_on <= :to
							order by c.checked_on, c.id""").param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
					.query((rs, n) -> List.of(rs.getString(1), rs.getDate(2).toLocalDate().toString(), rs.getString(3),
							rs.getString(4), rs.getString(5)))
					.list()));
			default -> Optional.empty();
		};
	}

	/** Rows whose timestamp columns are written as instants (UTC), the others as stored. */
	private static EvidenceRows rows(List<String> header, JdbcClient.StatementSpec query, Instant from, Instant to) {
		return new EvidenceRows(header, query.param("from", Utc.odt(from)).param("to", Utc.odt(to)).query((rs, n) -> {
			List<String> row = new ArrayList<>();
			for (int i = 1; i <= header.size(); i++) {
				Object value = rs.getObject(i);
				row.add(value == null ? null
						: value instanceof java.sql.Timestamp || value instanceof java.time.temporal.Temporal
								? Utc.instant(rs, i).toString()
								: value instanceof Boolean b ? b.toString() : rs.getString(i));
			}
			return row;
		}).list());
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
		return new Control(CLEAN_DESK, "premises.control.clean-desk", Set.of("S4"),
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
