package io.charter.devices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.platform.Utc;

/**
 * Every unrevoked device's last answer to every enabled check, read apart from the devices' own
 * grouped counts, so the tests can count the fleet device by device and compare.
 *
 * @param passed null when unknown: never answered, no query for the platform, or the query failed
 */
record LatestAnswer(UUID device, UUID owner, Instant lastSeen, String check, String clause, Boolean passed) {

	static List<LatestAnswer> all(JdbcClient jdbc) {
		return jdbc.sql("""
				select d.id, d.owner_id, d.last_seen_at, c.id check_id, c.clause, r.passed
				from device d cross join device_check c
				left join check_latest r on r.device_id = d.id and r.check_id = c.id
				where d.revoked_at is null and c.enabled
				order by c.position, c.id""").query((rs, n) -> new LatestAnswer(rs.getObject("id", UUID.class),
						rs.getObject("owner_id", UUID.class), Utc.instant(rs, "last_seen_at"), rs.getString("check_id"),
						rs.getString("clause"), (Boolean) rs.getObject("passed"))).list();
	}
}
