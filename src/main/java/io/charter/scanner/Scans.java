package io.charter.scanner;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.scanner.Finding.Kind;

/** The {@code scan} table, with its findings and observations. */
@Repository
class Scans {

	private static final String COLUMNS = """
			id, site_key, status, requested_by, started_at, finished_at, pages_done, pages_planned,
			declaration_version, breaches, undeclared, failure """;

	private final JdbcClient jdbc;

	Scans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Scan s) {
		jdbc.sql("""
				insert into scan (id, site_key, status, requested_by, started_at, pages_planned, heartbeat_at)
				values (:id, :site, :status, :by, :at, 0, :at)""").param("id", s.id()).param("site", s.siteKey())
				.param("status", s.status().name()).param("by", s.requestedBy()).param("at", odt(s.startedAt()))
				.update();
	}

	void progress(UUID id, int done, int planned) {
		jdbc.sql("update scan set pages_done = :done, pages_planned = :planned where id = :id").param("done", done)
				.param("planned", planned).param("id", id).update();
	}

	/** Ends a running scan; a scan already ended stays as it ended. */
	void finish(UUID id, Scan.Status status, Instant at, Integer version, List<Finding> findings, String failure) {
		int breaches = (int) findings.stream().filter(f -> f.kind().breach()).count();
		int undeclared = (int) findings.stream().filter(f -> f.kind() == Kind.UNDECLARED_COOKIE).count();
		jdbc.sql("""
				update scan set status = :status, finished_at = :at, declaration_version = :version,
				  breaches = :breaches, undeclared = :undeclared, failure = :failure
				where id = :id and status = 'RUNNING'""").param("status", status.name()).param("at", odt(at))
				.param("version", version).param("breaches", breaches).param("undeclared", undeclared)
				.param("failure", failure == null ? null : failure.substring(0, Math.min(500, failure.length())))
				.param("id", id).update();
		int position = 0;
		for (Finding f : findings) {
			jdbc.sql("""
					insert into scan_finding (scan_id, position, kind, subject, page, evidence, category,
					  suggested_purpose, retention_days, third_party)
					values (:scan, :position, :kind, :subject, :page, :evidence, :category, :purpose, :days, :third)""")
					.param("scan", id).param("position", position++).param("kind", f.kind().name())
					.param("subject", cut(f.subject(), 300)).param("page", cut(f.page(), 2000))
					.param("evidence", cut(f.evidence(), 4000)).param("category", cut(f.category(), 50))
					.param("purpose", cut(f.purpose(), 2000)).param("days", f.retentionDays())
					.param("third", f.thirdParty()).update();
		}
	}

	void observations(UUID id, Observations seen) {
		int position = 0;
		for (Observations.SeenCookie c : seen.cookies()) {
			observation(id, position++, "cookie", c.visit(), c.name(), c.domain(), c.path(), c.expires(), c.thirdParty(),
					c.byHeader(), c.page());
		}
		for (Observations.SeenStorage s : seen.storage()) {
			observation(id, position++, "storage", s.visit(), s.key(), s.origin(), null, null, false, false, s.page());
		}
		for (Observations.SeenHost h : seen.hosts()) {
			observation(id, position++, "host", h.visit(), h.host(), null, null, null, true, false, h.page());
		}
	}

	private void observation(UUID id, int position, String what, Observations.Visit visit, String name, String domain,
			String path, Instant expires, boolean thirdParty, boolean byHeader, String page) {
		jdbc.sql("""
				insert into scan_observation (scan_id, position, what, visit, name, domain, path, expires_at,
				  third_party, by_header, page)
				values (:scan, :position, :what, :visit, :name, :domain, :path, :expires, :third, :header, :page)""")
				.param("scan", id).param("position", position).param("what", what).param("visit", visit.name())
				.param("name", cut(name, 300)).param("domain", cut(domain, 300)).param("path", cut(path, 300))
				.param("expires", expires == null ? null : odt(expires)).param("third", thirdParty)
				.param("header", byHeader).param("page", cut(page, 2000)).update();
	}

	/** The instance running the scan is alive. */
	void beat(UUID id, Instant at) {
		jdbc.sql("update scan set heartbeat_at = :at where id = :id and status = 'RUNNING'").param("at", odt(at))
				.param("id", id).update();
	}

	/**
	 * Scans whose instance stopped beating before {@code silentSince} (it stopped or was killed during
	 * them): they will never finish, and are marked interrupted.
	 */
	int interrupt(Instant at, Instant silentSince) {
		return jdbc.sql("""
				update scan set status = 'INTERRUPTED', finished_at = :at,
				  failure = 'the instance running it stopped before it ended'
				where status = 'RUNNING' and coalesce(heartbeat_at, started_at) < :silent""").param("at", odt(at))
				.param("silent", odt(silentSince)).update();
	}

	Optional<Scan> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from scan where id = :id").param("id", id).query(Scans::scan).optional();
	}

	List<Scan> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from scan order by started_at desc limit :limit").param("limit", limit)
				.query(Scans::scan).list();
	}

	/** The last finished scan of each site. */
	List<Scan> lastDone() {
		return jdbc.sql("select " + COLUMNS + " " + """
				 from scan s where status = 'DONE' and not exists (select 1 from scan t where t.site_key = s.site_key
				   and t.status = 'DONE' and t.started_at > s.started_at)""").query(Scans::scan).list();
	}

	List<Finding> findings(UUID scan) {
		return jdbc.sql("""
				select kind, subject, page, evidence, category, suggested_purpose, retention_days, third_party
				from scan_finding where scan_id = :scan order by position""").param("scan", scan)
				.query((rs, n) -> new Finding(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), rs.getBoolean(8)))
				.list();
	}

	private static Scan scan(ResultSet rs, int row) throws SQLException {
		return new Scan(rs.getObject("id", UUID.class), rs.getString("site_key"), Scan.Status.valueOf(rs.getString("status")),
				rs.getString("requested_by"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getInt("pages_done"),
				rs.getInt("pages_planned"), (Integer) rs.getObject("declaration_version"), rs.getInt("breaches"),
				rs.getInt("undeclared"), rs.getString("failure"));
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
