package io.charter.consent.catalogue.declaration;

import static io.charter.platform.Utc.instant;

import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.shared.DashboardFigures;
import io.charter.shared.Role;

/** The dashboard's last publication of a cookie declaration: when, and on which site. */
@Component
@Order(30)
class PublicationFigures implements DashboardFigures {

	private static final Set<Role> TEAM = Set.of(Role.PRIVACY, Role.ADMIN, Role.AUDITOR);

	private final JdbcClient jdbc;

	PublicationFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Figure> figures(Today today) {
		return jdbc.sql("""
				select s.site_key, s.name, v.version, v.published_at from declaration_version v
				join consent_site s on s.id = v.site_id order by v.published_at desc limit 1""")
				.query((rs, n) -> new Figure("catalogue.figure.last-publication",
						List.of(instant(rs, 4), rs.getString(2), rs.getInt(3)),
						"/consent/" + rs.getString(1), TEAM))
				.optional().map(List::of).orElseGet(() -> List.of(new Figure("catalogue.figure.no-publication", List.of(),
						"/consent", TEAM)));
	}
}
