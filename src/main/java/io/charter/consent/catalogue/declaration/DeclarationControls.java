package io.charter.consent.catalogue.declaration;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;
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
	private final ZoneId zone;

	DeclarationControls(JdbcClient jdbc, @Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
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

	/**
	 * Both catalogue controls show the same record: every declaration version published in the period,
	 * per site, with whether the change was material and the SHA-256 of the declaration as published.
	 * Not who published it.
	 */
	@Override
	public Optional<EvidenceRows> evidence(String controlId, LocalDate from, LocalDate to) {
		if (!controlId.equals(PUBLISHED) && !controlId.equals(CURRENT)) {
			return Optional.empty();
		}
		List<List<String>> rows = jdbc.sql("""
				select published_at, site_id, version, material, snapshot_hash from declaration_version
				where published_at >= :from and published_at < :to order by published_at, site_id, version""")
				.param("from", odt(from.atStartOfDay(zone).toInstant()))
				.param("to", odt(to.plusDays(1).atStartOfDay(zone).toInstant()))
				.query((rs, n) -> List.of(instant(rs, 1).toString(), rs.getString(2), rs.getString(3),
						String.valueOf(rs.getBoolean(4)), rs.getString(5)))
				.list();
		return Optional.of(new EvidenceRows(List.of("published_at", "site_id", "version", "material", "snapshot_sha256"),
				rows));
	}
}
