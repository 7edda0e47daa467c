package io.charter.rights.workflow;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.platform.Utc;
import io.charter.rights.DataSubjectRequests;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;

/**
 * Clause C7 for the compliance table: the open data-subject requests and how many are past their
 * statutory deadline. One overdue request fails the clause: the law's deadline has no margin.
 */
@Component
class RequestControls implements ControlReport {

	static final String ON_TIME = "rights-requests-on-time";

	private final DataSubjectRequests requests;
	private final JdbcClient jdbc;
	private final ZoneId zone;

	RequestControls(DataSubjectRequests requests, JdbcClient jdbc,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.requests = requests;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/**
	 * Every request open at some time in the period, by reference: its type, when it was received, its
	 * deadline (extended or not), when it was closed and whether that met the deadline; an open one
	 * whose deadline passed before the period's end reads "no", one still within it "open". Never who
	 * made it: the requester's name and address are not evidence of the deadline.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<EvidenceRows> evidence(String controlId, LocalDate from, LocalDate to) {
		if (!controlId.equals(ON_TIME)) {
			return Optional.empty();
		}
		List<List<String>> rows = jdbc.sql("""
				select reference, request_type, received_on, due_on, extended, closed_at, status, answered_late
				from rights_request where received_on <= :to and (closed_at is null or closed_at >= :from)
				order by received_on, reference""").param("to", Date.valueOf(to))
				.param("from", Utc.odt(from.atStartOfDay(zone).toInstant())).query((rs, n) -> {
					LocalDate due = rs.getDate(4).toLocalDate();
					Instant closed = Utc.instant(rs, 6);
					String met = closed != null ? (rs.getBoolean(8) ? "no" : "yes") : due.isBefore(to) ? "no" : "open";
					return java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate().toString(),
							due.toString(), String.valueOf(rs.getBoolean(5)),
							closed == null ? null : closed.atZone(zone).toLocalDate().toString(), rs.getString(7), met);
				}).list();
		return Optional.of(new EvidenceRows(List.of("reference", "type", "received_on", "due_on", "extended", "closed_on",
				"status", "deadline_met"), rows));
	}

	@Override
	public List<Control> controls(LocalDate today) {
		int open = requests.open().size();
		int overdue = requests.runningDueBetween(LocalDate.EPOCH, today.minusDays(1));
		return List.of(new Control(ON_TIME, "rights.control.on-time", Set.of("C7"),
				overdue > 0 ? ControlStatus.FAILING : ControlStatus.PASSING, open - overdue, open, 0, null,
				"rights.control.on-time.figure", List.of(overdue), "/rights"));
	}
}
