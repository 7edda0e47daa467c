package io.charter.consent.catalogue;

import static io.charter.platform.Utc.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;

/**
 * The cookie policy's clauses the catalogue serves, for the compliance table. C3, C4 and C5: every
 * site has a published declaration (its types and cookies listed, and the banner that asks
 * permission per category serves only a published one). C6: the latest published version and its
 * date, whose change summary the declaration shows at the top.
 */
@Component
class DeclarationControls implements ControlReport {

	static final String PUBLISHED = "consent-declaration-published";
	static final String CURRENT = "consent-declaration-current";

	private final JdbcClient jdbc;

	DeclarationControls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Control> controls(LocalDate today) {
		long sites = jdbc.sql("select count(*) from consent_site").query(Long.class).single();
		long published = jdbc.sql("select count(distinct site_id) from declaration_version").query(Long.class).single();
		Control everySite = Control.share(PUBLISHED, "catalogue.control.published", Set.of("C3", "C4", "C5"),
				published, sites, 0, 1.0, "catalogue.control.published.figure", "/consent");
		record Latest(int version, Instant at) {
		}
		Control current = jdbc.sql("select version, published_at from declaration_version order by published_at desc limit 1")
				.query((rs, n) -> new Latest(rs.getInt(1), instant(rs, 2))).optional()
				.map(l -> new Control(CURRENT, "catalogue.control.current", Set.of("C6"), ControlStatus.PASSING, 1, 1, 0,
						null, "catalogue.control.current.figure", List.of(l.version(), l.at()), "/consent"))
				.orElseGet(() -> Control.notMeasured(CURRENT, "catalogue.control.current", Set.of("C6"),
						"catalogue.control.current.none", "/consent"));
		return List.of(everySite, current);
	}
}
