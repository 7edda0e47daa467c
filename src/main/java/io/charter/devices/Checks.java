package io.charter.devices;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.web.CheckState;
import io.charter.devices.web.CheckVersionView;
import io.charter.platform.Utc;

/** The {@code device_check} table (the checks, as data) and {@code check_result} (every answer). */
@Repository
public class Checks {

	public static final String OSQUERY = "osquery";
	public static final String MDM = "mdm";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcOperations batches;

	Checks(JdbcClient jdbc, NamedParameterJdbcOperations batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** A check's query as sent to a device, with the version it belongs to. */
	public record Query(int version, String sql) {
	}

	/** The enabled checks that have a query for the platform, by check id, in their order. */
	public Map<String, Query> queries(String platform) {
		String column = column(platform);
		Map<String, Query> queries = new LinkedHashMap<>();
		if (column != null) {
			jdbc.sql("select id, version, " + column + " q from device_check where enabled and " + column
					+ " is not null order by position, id").query(rs -> {
						queries.put(rs.getString("id"), new Query(rs.getInt("version"), rs.getString("q")));
					});
		}
		return queries;
	}

	private static String column(String platform) {
		return switch (platform == null ? "" : platform) {
			case "darwin" -> "query_darwin";
			case "windows" -> "query_windows";
			case "linux" -> "query_linux";
			default -> null;
		};
	}

	private static final String VERSION_COLUMNS = """
			clause, query_darwin, query_windows, query_linux, enabled, fix_en, fix_fr, fix_nl, title_en, title_fr, title_nl""";

	/** Every check as in force now, in the checks' order. */
	List<CheckVersionView> current() {
		return jdbc.sql("""
				select c.id check_id, c.version, c.%s, v.changed_at, v.changed_by from device_check c
				join device_check_version v on v.check_id = c.id and v.version = c.version
				order by c.position, c.id""".formatted(VERSION_COLUMNS.replace(", ", ", c."))).query(Checks::version)
				.list();
	}

	/** The titles SECURITY gave the checks in force, in a language (en, fr, nl), by check; shipped titles are not in it. */
	Map<String, String> titles(String language) {
		Map<String, String> titles = new java.util.HashMap<>();
		for (CheckVersionView check : current()) {
			if (check.title(language) != null) {
				titles.put(check.checkId(), check.title(language));
			}
		}
		return titles;
	}

	/** Every version of a check, the newest first; empty when there is no such check. */
	List<CheckVersionView> versions(String checkId) {
		return jdbc.sql("select check_id, version, " + VERSION_COLUMNS
				+ ", changed_at, changed_by from device_check_version where check_id = :id order by version desc")
				.param("id", checkId).query(Checks::version).list();
	}

	private static CheckVersionView version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CheckVersionView(rs.getString("check_id"), rs.getInt("version"), rs.getString("clause"),
				rs.getString("query_darwin"), rs.getString("query_windows"), rs.getString("query_linux"),
				rs.getBoolean("enabled"), rs.getString("fix_en"), rs.getString("fix_fr"), rs.getString("fix_nl"),
				rs.getString("title_en"), rs.getString("title_fr"), rs.getString("title_nl"), Utc.instant(rs, "changed_at"), rs.getString("changed_by"));
	}

	/** Puts a new version of the check in force, the previous ones kept; its number is the last plus one. */
	int change(CheckVersionView next, Instant at, String actor) {
		int version = jdbc.sql("select version from device_check where id = :id").param("id", next.checkId())
				.query(Integer.class).single() + 1;
		jdbc.sql("""
				update device_check set version = :version, clause = :clause, query_darwin = :darwin,
				  query_windows = :windows, query_linux = :linux, enabled = :enabled, fix_en = :en, fix_fr = :fr,
				  fix_nl = :nl, title_en = :titleEn, title_fr = :titleFr, title_nl = :titleNl where id = :id""").params(versionParams(next, version)).update();
		jdbc.sql("insert into device_check_version (check_id, version, " + VERSION_COLUMNS + """
				, changed_at, changed_by) values (:id, :version, :clause, :darwin, :windows, :linux, :enabled, :en, :fr,
				  :nl, :titleEn, :titleFr, :titleNl, :at, :actor)""").params(versionParams(next, version)).param("at", Utc.odt(at))
				.param("actor", actor).update();
		return version;
	}

	private static Map<String, Object> versionParams(CheckVersionView v, int version) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("id", v.checkId());
		p.put("version", version);
		p.put("clause", v.clause());
		p.put("darwin", v.queryDarwin());
		p.put("windows", v.queryWindows());
		p.put("linux", v.queryLinux());
		p.put("enabled", v.enabled());
		p.put("en", v.fixEn());
		p.put("fr", v.fixFr());
		p.put("nl", v.fixNl());
		p.put("titleEn", v.titleEn());
		p.put("titleFr", v.titleFr());
		p.put("titleNl", v.titleNl());
		return p;
	}

	/** The version of the check in force now, absent when there is no such check. */
	public Optional<Integer> version(String checkId) {
		return jdbc.sql("select version from device_check where id = :id").param("id", checkId).query(Integer.class)
				.optional();
	}

	public boolean exists(String checkId, int version) {
		return jdbc.sql("select count(*) from device_check_version where check_id = :id and version = :version")
				.param("id", checkId).param("version", version).query(Integer.class).single() > 0;
	}

	/** Every check's clause, by check id, in the checks' order. */
	Map<String, String> clauses() {
		Map<String, String> clauses = new LinkedHashMap<>();
		jdbc.sql("select id, clause from device_check where enabled order by position, id").query(rs -> {
			clauses.put(rs.getString("id"), rs.getString("clause"));
		});
		return clauses;
	}

	/** The last answer of the device to the check: empty when never asked, else passed (null when unknown). */
	Optional<Optional<Boolean>> last(UUID deviceId, String checkId) {
		return jdbc.sql("""
				select passed from check_latest where device_id = :device and check_id = :check""").param("device", deviceId).param("check", checkId)
				.query((rs, n) -> Optional.ofNullable((Boolean) rs.getObject("passed"))).optional();
	}

	/**
	 * Records an answer of the device to the check, from osquery or an MDM import.
	 *
	 * @return whether the check turned to fail (it passed, was unknown or never answered before)
	 */
	public boolean answer(UUID deviceId, String checkId, int version, Boolean passed, Instant at, String source) {
		Optional<Optional<Boolean>> before = last(deviceId, checkId);
		jdbc.sql("""
				insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source)
				values (:id, :device, :check, :version, :at, :passed, :source)""")
				.param("id", UUID.randomUUID()).param("device", deviceId).param("check", checkId).param("version", version)
				.param("at", Utc.odt(at))
				.param("passed", passed).param("source", source).update();
		keepLatest(deviceId, checkId, passed, at);
		boolean failedBefore = before.isPresent() && before.get().filter(p -> !p).isPresent();
		return Boolean.FALSE.equals(passed) && !failedBefore;
	}

	/** The answer becomes the device's latest to the check unless a later one is already known (an MDM export can be older). */
	private void keepLatest(UUID deviceId, String checkId, Boolean passed, Instant at) {
		int updated = jdbc.sql("""
				update check_latest set checked_at = :at, passed = :passed
				where device_id = :device and check_id = :check and checked_at <= :at""").param("device", deviceId)
				.param("check", checkId).param("at", Utc.odt(at)).param("passed", passed).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into check_latest (device_id, check_id, checked_at, passed)
					select :device, :check, :at, :passed from device_check
					where id = :check and not exists (select 1 from check_latest where device_id = :device and check_id = :check)""")
					.param("device", deviceId).param("check", checkId).param("at", Utc.odt(at)).param("passed", passed)
					.update();
		}
	}

	/** An answer to record: at most one per device and check in one call of {@link #answerAll}. */
	public record NewAnswer(UUID deviceId, String checkId, int version, boolean passed, Instant at) {
	}

	/**
	 * Records many answers from a source as {@link #answer} records one, in a few statements instead of
	 * four per answer: an answer already recorded (same device, check, instant and source) is left out,
	 * so importing the same file twice adds nothing; each other becomes the latest unless a later one
	 * is known.
	 *
	 * @return the answers recorded that turned their check to fail
	 */
	public List<NewAnswer> answerAll(List<NewAnswer> answers, String source) {
		Map<List<Object>, Boolean> before = new java.util.HashMap<>();
		List<UUID> devices = answers.stream().map(NewAnswer::deviceId).distinct().toList();
		for (int from = 0; from < devices.size(); from += 1000) {
			jdbc.sql("select device_id, check_id, passed from check_latest where device_id in (:devices)")
					.param("devices", devices.subList(from, Math.min(devices.size(), from + 1000)))
					.query(rs -> {
						before.put(List.of(rs.getObject("device_id", UUID.class), rs.getString("check_id")),
								(Boolean) rs.getObject("passed"));
					});
		}
		int[] inserted = batches.batchUpdate("""
				insert into check_result (id, device_id, check_id, check_version, checked_at, passed, source)
				select :id, :device, :check, :version, :at, :passed, :source from device_check where id = :check
				and not exists (select 1 from check_result where device_id = :device and check_id = :check
				  and checked_at = :at and source = :source)""", answers.stream().map(a -> parameters(a)
						.addValue("id", UUID.randomUUID()).addValue("version", a.version()).addValue("source", source))
						.toArray(SqlParameterSource[]::new));
		List<NewAnswer> recorded = new java.util.ArrayList<>();
		for (int i = 0; i < inserted.length; i++) {
			if (inserted[i] == 1) {
				recorded.add(answers.get(i));
			}
		}
		int[] updated = batches.batchUpdate("""
				update check_latest set checked_at = :at, passed = :passed
				where device_id = :device and check_id = :check and checked_at <= :at""",
				recorded.stream().map(Checks::parameters).toArray(SqlParameterSource[]::new));
		List<SqlParameterSource> first = new java.util.ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				first.add(parameters(recorded.get(i)));
			}
		}
		batches.batchUpdate("""
				insert into check_latest (device_id, check_id, checked_at, passed)
				select :device, :check, :at, :passed from device_check
				where id = :check and not exists (select 1 from check_latest where device_id = :device and check_id = :check)""",
				first.toArray(SqlParameterSource[]::new));
		return recorded.stream().filter(a -> !a.passed()
				&& !Boolean.FALSE.equals(before.get(List.of(a.deviceId(), a.checkId())))).toList();
	}

	private static MapSqlParameterSource parameters(NewAnswer a) {
		return new MapSqlParameterSource().addValue("device", a.deviceId()).addValue("check", a.checkId())
				.addValue("at", Utc.odt(a.at())).addValue("passed", a.passed());
	}

	/** How many unrevoked devices fail at least one asked check in their last answer to it. */
	int failingDevices() {
		return jdbc.sql("""
				select count(distinct r.device_id) from check_latest r join device d on d.id = r.device_id
				join device_check c on c.id = r.check_id
				where d.revoked_at is null and c.enabled and r.passed = false""")
				.query(Integer.class).single();
	}

	/** Every check with the device's last answer to it, in the checks' order. */
	List<CheckState> states(UUID deviceId) {
		return jdbc.sql("""
				select c.id, c.clause, r.passed, r.checked_at
				from device_check c
				left join check_latest r on r.check_id = c.id and r.device_id = :device
				where c.enabled
				order by c.position, c.id""").param("device", deviceId).query((rs, n) -> {
					Object passed = rs.getObject("passed");
					String outcome = passed == null ? "unknown" : (Boolean) passed ? "pass" : "fail";
					return new CheckState(rs.getString("id"), rs.getString("clause"), outcome, Utc.instant(rs, "checked_at"));
				}).list();
	}

	/** One answer of a device to a check. */
	record Answer(String check, Instant at, Boolean passed) {
	}

	/** The device's answers to the enabled checks since the instant, the oldest first. */
	List<Answer> answers(UUID deviceId, Instant since) {
		return jdbc.sql("""
				select r.check_id, r.checked_at, r.passed from check_result r join device_check c on c.id = r.check_id
				where r.device_id = :device and r.checked_at >= :since and c.enabled order by r.checked_at""")
				.param("device", deviceId).param("since", Utc.odt(since))
				.query((rs, n) -> new Answer(rs.getString("check_id"), Utc.instant(rs, "checked_at"),
						(Boolean) rs.getObject("passed")))
				.list();
	}
}
