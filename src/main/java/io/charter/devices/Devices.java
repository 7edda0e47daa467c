package io.charter.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.web.DeviceView;
import io.charter.platform.Utc;

/** The {@code device} table. A node key is known by its SHA-256 only. */
@Repository
public class Devices {

	private static final String COLUMNS = "id, host_identifier, hostname, platform, os_name, os_version, serial, hardware_model, osquery_version, owner_id, enrolled_at, last_seen_at, revoked_at";

	private final JdbcClient jdbc;

	Devices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A device as osquery authenticates: its id, platform and when its checks were last sent. */
	public record Node(UUID id, String platform, Instant checksSentAt, Instant softwareSentAt) {
	}

	public Optional<Node> byNodeKey(String hash) {
		return jdbc.sql("select id, platform, checks_sent_at, software_sent_at from device where node_key_hash = :hash and revoked_at is null")
				.param("hash", hash)
				.query((rs, n) -> new Node(rs.getObject("id", UUID.class), rs.getString("platform"),
						Utc.instant(rs, "checks_sent_at"), Utc.instant(rs, "software_sent_at")))
				.optional();
	}

	public Optional<UUID> byHostIdentifier(String hostIdentifier) {
		return jdbc.sql("select id from device where host_identifier = :host").param("host", hostIdentifier)
				.query(UUID.class).optional();
	}

	public void insert(UUID id, String hostIdentifier, String nodeKeyHash, UUID secretId, HostDetails host, Instant now) {
		jdbc.sql("""
				insert into device (id, host_identifier, node_key_hash, enroll_secret_id, hostname, platform, os_name,
				  os_version, serial, hardware_model, osquery_version, enrolled_at, last_seen_at)
				values (:id, :host, :key, :secret, :hostname, :platform, :osName, :osVersion, :serial, :model, :osquery, :now, :now)""")
				.param("id", id).param("host", hostIdentifier).param("key", nodeKeyHash).param("secret", secretId).params(host.parameters())
				.param("now", Utc.odt(now)).update();
	}

	/** Enrolled again (a new node key after the old one was refused, or a reinstall): the details are refreshed. */
	public void reenroll(UUID id, String nodeKeyHash, UUID secretId, HostDetails host, Instant now) {
		jdbc.sql("""
				update device set node_key_hash = :key, enroll_secret_id = :secret, hostname = :hostname,
				  platform = :platform, os_name = :osName, os_version = :osVersion, serial = :serial,
				  hardware_model = :model, osquery_version = :osquery, enrolled_at = :now, last_seen_at = :now,
				  checks_sent_at = null, software_sent_at = null, revoked_at = null
				where id = :id""")
				.param("id", id).param("key", nodeKeyHash).param("secret", secretId).params(host.parameters())
				.param("now", Utc.odt(now)).update();
	}

	public void seen(UUID id, Instant now) {
		jdbc.sql("update device set last_seen_at = :now where id = :id").param("id", id).param("now", Utc.odt(now)).update();
	}

	public void checksSent(UUID id, Instant now) {
		jdbc.sql("update device set checks_sent_at = :now, last_seen_at = :now where id = :id").param("id", id)
				.param("now", Utc.odt(now)).update();
	}

	public void softwareSent(UUID id, Instant now) {
		jdbc.sql("update device set software_sent_at = :now where id = :id").param("id", id).param("now", Utc.odt(now))
				.update();
	}

	/** Where an owner came from: osquery may change only an owner it set itself. */
	static final String MANUAL = "manual";
	public static final String FROM_MDM = "mdm";
	public static final String FROM_OSQUERY = "osquery";

	public void owner(UUID id, UUID ownerId, String source) {
		jdbc.sql("update device set owner_id = :owner, owner_source = :source where id = :id").param("id", id)
				.param("owner", ownerId).param("source", ownerId == null ? null : source).update();
		candidates(id, List.of());
	}

	/** The owner as the logged-in user reported by osquery may change it. */
	public record Ownership(UUID ownerId, String source, String reportedUser, Instant reportedAt) {

		/** Whether osquery may set the owner: nobody set it, or osquery did. */
		public boolean openToOsquery() {
			return ownerId == null || FROM_OSQUERY.equals(source);
		}
	}

	public Optional<Ownership> ownership(UUID id) {
		return jdbc.sql("select owner_id, owner_source, reported_user, reported_user_at from device where id = :id")
				.param("id", id)
				.query((rs, n) -> new Ownership(rs.getObject("owner_id", UUID.class), rs.getString("owner_source"),
						rs.getString("reported_user"), Utc.instant(rs, "reported_user_at")))
				.optional();
	}

	public void reportedUser(UUID id, String user, Instant at) {
		jdbc.sql("update device set reported_user = :user, reported_user_at = :at where id = :id").param("id", id)
				.param("user", user).param("at", Utc.odt(at)).update();
	}

	/** Replaces the people the reported user could be (empty: none). */
	public void candidates(UUID id, Collection<UUID> people) {
		jdbc.sql("delete from device_owner_candidate where device_id = :id").param("id", id).update();
		for (UUID person : people) {
			jdbc.sql("insert into device_owner_candidate (device_id, person_id) values (:id, :person)").param("id", id)
					.param("person", person).update();
		}
	}

	List<UUID> candidates(UUID id) {
		return jdbc.sql("select person_id from device_owner_candidate where device_id = :id order by person_id")
				.param("id", id).query(UUID.class).list();
	}

	/** Refuses its node key from now on: osquery enrolls again, with a secret that is still valid. */
	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("update device set revoked_at = :now where id = :id and revoked_at is null").param("id", id)
				.param("now", Utc.odt(now)).update() == 1;
	}

	/** The owner's name is filled in by the caller, from the directory. */
	Optional<DeviceView> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from device where id = :id").param("id", id).query(Devices::map)
				.optional();
	}

	List<DeviceView> ofOwner(UUID ownerId) {
		return jdbc.sql("select " + COLUMNS + " from device where owner_id = :o order by last_seen_at desc, id")
				.param("o", ownerId).query(Devices::map).list();
	}

	/** Unlinks the owner from their devices (erasure): the devices stay, as company hardware. */
	int unlinkOwner(UUID ownerId) {
		// The user name osquery reported is theirs too, and so is being one of a device's candidates.
		int candidacies = jdbc.sql("delete from device_owner_candidate where person_id = :o").param("o", ownerId).update();
		return candidacies + jdbc.sql("""
				update device set owner_id = null, owner_source = null, reported_user = null, reported_user_at = null
				where owner_id = :o""").param("o", ownerId).update();
	}

	/** Unrevoked devices not seen since the instant. */
	int staleSince(Instant since) {
		return jdbc.sql("select count(*) from device where revoked_at is null and last_seen_at < :since")
				.param("since", Utc.odt(since)).query(Integer.class).single();
	}

	/** Most recently seen first. */
	List<DeviceView> all() {
		return jdbc.sql("select " + COLUMNS + " from device order by last_seen_at desc, id").query(Devices::map).list();
	}

	private static DeviceView map(ResultSet rs, int row) throws SQLException {
		return new DeviceView(rs.getObject("id", UUID.class), rs.getString("host_identifier"), rs.getString("hostname"),
				rs.getString("platform"), rs.getString("os_name"), rs.getString("os_version"), rs.getString("serial"),
				rs.getString("hardware_model"), rs.getString("osquery_version"), rs.getObject("owner_id", UUID.class), null,
				Utc.instant(rs, "enrolled_at"), Utc.instant(rs, "last_seen_at"), rs.getTimestamp("revoked_at") != null);
	}
}
