package io.charter.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.charter.compliance.web.ClauseRow;
import io.charter.compliance.web.ControlLine;
import io.charter.shared.control.Control;

/** The clause table of the day: every live clause beside what its controls report. */
@Service
class ComplianceQueries {

	static final String ZONE = "${charter.web.time-zone:Europe/Brussels}";

	private final Clauses clauses;
	private final ControlReports reports;
	private final Clock clock;
	private final ZoneId zone;

	ComplianceQueries(Clauses clauses, ControlReports reports, Clock clock, @Value(ZONE) ZoneId zone) {
		this.clauses = clauses;
		this.reports = reports;
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	record Table(List<ClauseRow> rows, int failedReports) {
	}

	Table table() {
		ControlReports.Reading reading = reports.read(today());
		List<ClauseRow> rows = clauses.all(false).stream().map(c -> row(ClauseStanding.of(c, reading.controls())))
				.toList();
		return new Table(rows, reading.failedReports());
	}

	static ClauseRow row(ClauseStanding standing) {
		Clause c = standing.clause();
		return new ClauseRow(c.id(), c.document(), c.version(), c.title(), c.wording(), standing.status(),
				standing.controls().stream().map(ComplianceQueries::line).toList(), standing.exempted(),
				standing.missing());
	}

	static ControlLine line(Control c) {
		return new ControlLine(c.id(), c.titleKey(), c.status(), c.figureKey(), c.figureArguments(), c.target(),
				c.exempted(), c.link());
	}
}
