package io.charter.devices;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.web.CheckState;
import io.charter.platform.Utc;

/** The {@code device_check} table (the checks, as data) and {@code check_result} (every answer). */
@Repository
class Checks {

	static final String OSQUERY = "osquery";
	static final String MDM = "mdm";

	private final JdbcClient jdbc;

	Checks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The checks that have a query for the platform, by check id, in their order. */
	Map<String, String> queries(String platform) {
		String column = switch (platform == null ? "" : platform) {
			case "darwin" -> "query_darwin";
			case "windows" -> "query_windows";
			case "linux" -> "query_linux";
			default -> null;
		};
		Map<String, String> queries = new LinkedHashMap<>();
		if (column != null) {
			jdbc.sql("select id, " + column + " q from device_check where " + column + " is not null order by position, id")
					.query(rs -> {
						queries.put(rs.getString("id"), rs.getString("q"));
					});
		}
		return queries;
	}

	/** Every check's clause, by check id, in the checks' order. */
	Map<String, String> clauses() {
		Map<String, String> clauses = new LinkedHashMap<>();
		jdbc.sql("select id, clause from device_check order by position, id").query(rs -> {
			clauses.put(rs.getString("id"), rs.getString("clause"));
		});
		return clauses;
	}

	boolean exists(String checkId) {
		return jdbc.sql("select count(*) from device_check where id = :id").param("id", checkId).query(Integer.class)
				.single() > 0;
	}

	/** The last answer of the device to the check: empty when never asked, else passed (null when unknown). */
	Optional<Optional<Boolean>> last(UUID deviceId, String checkId) {
		return jdbc.sql("""
				select passed from check_result where device_id = :device and check_id = :check
				order by checked_at desc fetch first 1 rows only""").param("device", deviceId).param("check", checkId)
				.query((rs, n) -> Optional.ofNullable((Boolean) rs.getObject("passed"))).optional();
	}

	/**
	 * Records an answer of the device to the check, from osquery or an MDM import.
	 *
	 * @return whether the check turned to fail (it passed, was unknown or never answered before)
	 */
	boolean answer(UUID deviceId, String checkId, Boolean passed, Instant at, String source) {
		Optional<Optional<Boolean>> before = last(deviceId, checkId);
		jdbc.sql("""
				insert into check_result (id, device_id, check_id, checked_at, passed, source)
				values (:id, :device, :check, :at, :passed, :source)""")
				.param("id", UUID.randomUUID()).param("device", deviceId).param("check", checkId).param("at", Utc.odt(at))
				.param("passed", passed).param("source", source).update();
		boolean failedBefore = before.isPresent() && before.get().filter(p -> !p).isPresent();
		return Boolean.FALSE.equals(passed) && !failedBefore;
	}

	/** Whether this answer is already recorded: importing the same file twice adds nothing. */
	boolean recorded(UUID deviceId, String checkId, Instant at, String source) {
		return jdbc.sql("""
				select count(*) from check_result
				where device_id = :device and check_id = :check and checked_at = :at and source = :source""")
				.param("device", deviceId).param("check", checkId).param("at", Utc.odt(at)).param("source", source)
				.query(Integer.class).single() > 0;
	}

	/** How many unrevoked devices fail at least one check in their last answer to it. */
	int failingDevices() {
		return jdbc.sql("""
				select count(distinct r.device_id) from check_result r join device d on d.id = r.device_id
				where d.revoked_at is null and r.passed = false and r.checked_at =
				  (select max(x.checked_at) from check_result x where x.device_id = r.device_id and x.check_id = r.check_id)""")
				.query(Integer.class).single();
	}

	/**
	 * The last answer of an unrevoked device to a check.
	 *
	 * @param passed null when unknown: never answered, no query for the platform, or the query failed
	 */
	record Latest(UUID device, UUID owner, Instant lastSeen, String check, String clause, Boolean passed) {
	}

	/** Every unrevoked device with its last answer to every check, in the checks' order: one query for the fleet. */
	List<Latest> latest() {
		return jdbc.sql("""
				select d.id, d.owner_id, d.last_seen_at, c.id check_id, c.clause, r.passed
				from device d cross join device_check c
				left join check_result r on r.device_id = d.id and r.check_id = c.id and r.checked_at =
				  (select max(x.checked_at) from check_result x where x.device_id = d.id and x.check_id = c.id)
				where d.revoked_at is null
				order by c.position, c.id""").query((rs, n) -> new Latest(rs.getObject("id", UUID.class),
						rs.getObject("owner_id", UUID.class), Utc.instant(rs, "last_seen_at"), rs.getString("check_id"), rs.getString("clause"),
						(Boolean) rs.getObject("passed"))).list();
	}

	/** Every check with the device's last answer to it, in the checks' order. */
	List<CheckState> states(UUID deviceId) {
		return jdbc.sql("""
				select c.id, c.clause, r.passed, r.checked_at
				from device_check c
				left join check_result r on r.check_id = c.id and r.device_id = :device and r.checked_at =
				  (select max(x.checked_at) from check_result x where x.device_id = :device and x.check_id = c.id)
				order by c.position, c.id""").param("device", deviceId).query((rs, n) -> {
					Object passed = rs.getObject("passed");
					String outcome = passed == null ? "unknown" : (Boolean) passed ? "pass" : "fail";
					return new CheckState(rs.getString("id"), rs.getString("clause"), outcome, Utc.instant(rs, "checked_at"));
				}).list();
	}
}
