package io.charter.devices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.web.SecretView;
import io.charter.platform.Utc;

/** The {@code enroll_secret} table: only the SHA-256 of each secret. */
@Repository
public class EnrollSecrets {

	private final JdbcClient jdbc;

	EnrollSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String name, String hash, String actor, Instant now) {
		jdbc.sql("insert into enroll_secret (id, name, secret_hash, created_at, created_by) values (:id, :name, :hash, :now, :actor)")
				.param("id", id).param("name", name).param("hash", hash).param("now", Utc.odt(now)).param("actor", actor)
				.update();
	}

	/** The id of the unrevoked secret with this hash. */
	public Optional<UUID> active(String hash) {
		return jdbc.sql("select id from enroll_secret where secret_hash = :hash and revoked_at is null")
				.param("hash", hash).query(UUID.class).optional();
	}

	/** Whether it was revoked now (false when unknown or already revoked). */
	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("update enroll_secret set revoked_at = :now where id = :id and revoked_at is null")
				.param("id", id).param("now", Utc.odt(now)).update() == 1;
	}

	Optional<SecretView> find(UUID id) {
		return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(EnrollSecrets::map).optional();
	}

	/** Active ones first, newest first. */
	List<SecretView> all() {
		return jdbc.sql(SELECT + " order by case when s.revoked_at is null then 0 else 1 end, s.created_at desc, s.id")
				.query(EnrollSecrets::map).list();
	}

	private static final String SELECT = """
			select s.id, s.name, s.created_at, s.revoked_at,
			  (select count(*) from device d where d.enroll_secret_id = s.id) devices
			from enroll_secret s""";

	private static SecretView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SecretView(rs.getObject("id", UUID.class), rs.getString("name"), Utc.instant(rs, "created_at"),
				Utc.instant(rs, "revoked_at"), rs.getInt("devices"));
	}
}
