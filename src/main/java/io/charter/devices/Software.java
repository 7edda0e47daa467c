package io.charter.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.web.ApprovalView;
import io.charter.devices.web.ProhibitionView;
import io.charter.platform.Utc;

/**
 * The {@code device_software} table (each device's current list), {@code approved_software} (the
 * catalogue) and {@code prohibited_software} (clause S8's list).
 */
@Repository
class Software {

	/** An installed item as osquery reports it. */
	record Item(String name, String version, String publisher) {

		/** The key of a device's list: one row per name and version. */
		String key() {
			return name + '\n' + version;
		}
	}

	/** An installed item with its device's platform and when it was first seen there. */
	record Installed(UUID deviceId, UUID ownerId, String platform, String name, String version, String publisher, Instant firstSeenAt,
			Instant lastSeenAt) {
	}

	private final JdbcClient jdbc;

	Software(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the device's list; an item already listed keeps when it was first seen. */
	void replace(UUID deviceId, List<Item> items, Instant now) {
		Map<String, Instant> firstSeen = new HashMap<>();
		jdbc.sql("select name, version, first_seen_at from device_software where device_id = :d").param("d", deviceId)
				.query(rs -> {
					firstSeen.put(rs.getString("name") + '\n' + rs.getString("version"), Utc.instant(rs, "first_seen_at"));
				});
		jdbc.sql("delete from device_software where device_id = :d").param("d", deviceId).update();
		Map<String, Item> unique = new java.util.LinkedHashMap<>();
		items.forEach(i -> unique.putIfAbsent(i.key(), i));
		for (Item item : unique.values()) {
			jdbc.sql("""
					insert into device_software (device_id, name, version, publisher, first_seen_at, last_seen_at)
					values (:d, :name, :version, :publisher, :first, :now)""").param("d", deviceId).param("name", item.name())
					.param("version", item.version()).param("publisher", item.publisher())
					.param("first", Utc.odt(firstSeen.getOrDefault(item.key(), now))).param("now", Utc.odt(now)).update();
		}
	}

	List<Installed> ofDevice(UUID deviceId) {
		return jdbc.sql(INSTALLED + " where s.device_id = :d order by lower(s.name), s.version").param("d", deviceId)
				.query(Software::installed).list();
	}

	/** Every installed item of the fleet's devices that are not revoked. */
	List<Installed> all() {
		return jdbc.sql(INSTALLED + " where d.revoked_at is null").query(Software::installed).list();
	}

	private static final String INSTALLED = """
			select s.device_id, d.owner_id, d.platform, s.name, s.version, s.publisher, s.first_seen_at, s.last_seen_at
			from device_software s join device d on d.id = s.device_id""";

	private static Installed installed(ResultSet rs, int row) throws SQLException {
		return new Installed(rs.getObject("device_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("platform"), rs.getString("name"),
				rs.getString("version"), rs.getString("publisher"), Utc.instant(rs, "first_seen_at"),
				Utc.instant(rs, "last_seen_at"));
	}

	/** The catalogue, by pattern. */
	List<ApprovalView> catalogue() {
		return jdbc.sql("select * from approved_software order by lower(pattern), platform, publisher")
				.query((rs, n) -> new ApprovalView(rs.getObject("id", UUID.class), rs.getString("pattern"),
						rs.getString("publisher"), rs.getString("platform"), rs.getString("note"),
						Utc.instant(rs, "created_at"), rs.getString("created_by")))
				.list();
	}

	void approve(UUID id, String pattern, String publisher, String platform, String note, String actor, Instant now) {
		jdbc.sql("""
				insert into approved_software (id, pattern, publisher, platform, note, created_at, created_by)
				values (:id, :pattern, :publisher, :platform, :note, :now, :actor)""").param("id", id).param("pattern", pattern)
				.param("publisher", publisher).param("platform", platform).param("note", note).param("now", Utc.odt(now))
				.param("actor", actor).update();
	}

	/** The prohibited-software list (clause S8), by pattern. */
	List<ProhibitionView> prohibitions() {
		return jdbc.sql("select * from prohibited_software order by category, lower(pattern), platform")
				.query((rs, n) -> new ProhibitionView(rs.getObject("id", UUID.class), rs.getString("pattern"),
						rs.getString("platform"), rs.getString("category"), rs.getString("note"),
						Utc.instant(rs, "created_at"), rs.getString("created_by")))
				.list();
	}

	void prohibit(UUID id, String pattern, String platform, String category, String note, String actor, Instant now) {
		jdbc.sql("""
				insert into prohibited_software (id, pattern, platform, category, note, created_at, created_by)
				values (:id, :pattern, :platform, :category, :note, :now, :actor)""").param("id", id).param("pattern", pattern)
				.param("platform", platform).param("category", category).param("note", note).param("now", Utc.odt(now))
				.param("actor", actor).update();
	}

	boolean removeProhibition(UUID id) {
		return jdbc.sql("delete from prohibited_software where id = :id").param("id", id).update() == 1;
	}

	boolean remove(UUID id) {
		return jdbc.sql("delete from approved_software where id = :id").param("id", id).update() == 1;
	}
}
