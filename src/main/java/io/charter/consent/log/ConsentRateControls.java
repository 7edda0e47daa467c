package io.charter.consent.log;

import static io.charter.platform.Utc.odt;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;

/**
 * Clause C1 for the compliance table: visitors are asked before non-necessary cookies, shown by the
 * consent log of the last 30 days; the figure is the share that accepted a category. The rate itself
 * has no target (refusing is as valid an answer): the control passes while consent is being logged,
 * and is not measured while nothing was recorded.
 */
@Component
class ConsentRateControls implements ControlReport {

	static final String RATE = "consent-rate";
	static final int DAYS = 30;

	private final JdbcClient jdbc;
	private final ZoneId zone;

	ConsentRateControls(JdbcClient jdbc, @Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	@Override
	public List<Control> controls(LocalDate today) {
		long[] counts = new long[2];
		jdbc.sql("select choices, count(*) from consent_record where recorded_at >= :since group by choices")
				.param("since", odt(today.minusDays(DAYS).atStartOfDay(zone).toInstant())).query(rs -> {
					counts[0] += rs.getLong(2);
					if (ConsentRateFigures.acceptsACategory(rs.getString(1))) {
						counts[1] += rs.getLong(2);
					}
				});
		if (counts[0] == 0) {
			return List.of(Control.notMeasured(RATE, "consent-log.control.rate", Set.of("C1"),
					"consent-log.control.rate.none", "/consent"));
		}
		return List.of(new Control(RATE, "consent-log.control.rate", Set.of("C1"), ControlStatus.PASSING, counts[1],
				counts[0], 0, null, "consent-log.control.rate.figure", List.of(DAYS), "/consent"));
	}
}
