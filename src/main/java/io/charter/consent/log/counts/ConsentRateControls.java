package io.charter.consent.log.counts;

import static io.charter.platform.Utc.odt;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;
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

	/**
	 * The consent log's counts over the period per site, declaration version and how the choice was
	 * made: records, and those accepting at least one optional category. Counts only: no visitor,
	 * address or page.
	 */
	@Override
	public Optional<EvidenceRows> evidence(String controlId, LocalDate from, LocalDate to) {
		if (!controlId.equals(RATE)) {
			return Optional.empty();
		}
		Map<List<String>, long[]> counts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		jdbc.sql("""
				select site_id, version, method, choices, count(*) from consent_record
				where recorded_at >= :from and recorded_at < :to group by site_id, version, method, choices""")
				.param("from", odt(from.atStartOfDay(zone).toInstant()))
				.param("to", odt(to.plusDays(1).atStartOfDay(zone).toInstant())).query(rs -> {
					long[] c = counts.computeIfAbsent(List.of(rs.getString(1), String.format("%06d", rs.getInt(2)),
							rs.getString(3)), k -> new long[2]);
					c[0] += rs.getLong(5);
					if (ConsentRateFigures.acceptsACategory(rs.getString(4))) {
						c[1] += rs.getLong(5);
					}
				});
		List<List<String>> rows = new ArrayList<>();
		counts.forEach((k, c) -> rows.add(List.of(k.get(0), String.valueOf(Integer.parseInt(k.get(1))), k.get(2),
				String.valueOf(c[0]), String.valueOf(c[1]))));
		return Optional.of(new EvidenceRows(List.of("site_id", "version", "method", "records", "accepting_a_category"),
				rows));
	}
}
