package io.charter.consent.log.counts;

import static io.charter.platform.Utc.odt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.shared.DashboardFigures;
import io.charter.shared.Role;

/**
 * The dashboard's consent rate of this week, per site: the share of the consent records written since
 * Monday that accept at least one non-necessary category. Grouped by the choices as stored, so the
 * query returns a handful of rows however many visitors answered.
 */
@Component
@Order(20)
class ConsentRateFigures implements DashboardFigures {

	private static final Set<Role> TEAM = Set.of(Role.PRIVACY, Role.ADMIN, Role.AUDITOR);

	private final JdbcClient jdbc;

	ConsentRateFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Figure> figures(Today today) {
		record Site(String key, String name) {
		}
		Map<Site, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select s.site_key, s.name, r.choices, count(*) from consent_record r join consent_site s on s.id = r.site_id
				where r.recorded_at >= :since group by s.site_key, s.name, r.choices order by s.name""")
				.param("since", odt(today.weekStartedAt())).query(rs -> {
					long[] c = counts.computeIfAbsent(new Site(rs.getString(1), rs.getString(2)), s -> new long[2]);
					long n = rs.getLong(4);
					c[0] += n;
					if (acceptsACategory(rs.getString(3))) {
						c[1] += n;
					}
				});
		List<Figure> figures = new ArrayList<>();
		if (counts.isEmpty()) {
			figures.add(new Figure("consent-log.figure.no-records", List.of(), null, TEAM));
		}
		counts.forEach((site, c) -> figures.add(new Figure("consent-log.figure.rate",
				List.of(site.name(), (double) c[1] / c[0], c[0]), "/consent/" + site.key() + "/records", TEAM)));
		return figures;
	}

	/**
	 * Whether stored choices ({@code key=1|0} pairs, categories first, then services as
	 * {@code category:service}) grant at least one category.
	 */
	static boolean acceptsACategory(String choices) {
		for (String pair : choices.split(",")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.indexOf(':') < 0 && pair.substring(eq + 1).equals("1")) {
				return true;
			}
		}
		return false;
	}
}
