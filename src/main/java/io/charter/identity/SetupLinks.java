package io.charter.identity;

import static io.charter.platform.Utc.odt;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one-time setup link (the setup_link table, one row): only the hash of its secret, replaced
 * at each start without administrator, claimed once.
 */
@Repository
class SetupLinks {

	private final JdbcClient jdbc;

	SetupLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new setup link; the one printed before stops working. */
	void replace(String hash, Instant now) {
		jdbc.sql("update setup_link set token_hash = :hash, created_at = :now, used_at = null where id = 1")
				.param("hash", hash).param("now", odt(now)).update();
	}

	boolean usable(String hash) {
		return jdbc.sql("select count(*) from setup_link where id = 1 and token_hash = :hash and used_at is null")
				.param("hash", hash).query(Long.class).single() == 1;
	}

	/**
	 * Claims the link: true for exactly one caller, however many use it at once (the row stays
	 * locked until the caller's transaction ends, and a rollback gives the link back).
	 */
	boolean consume(String hash, Instant now) {
		return jdbc.sql("update setup_link set used_at = :now where id = 1 and token_hash = :hash and used_at is null")
				.param("hash", hash).param("now", odt(now)).update() == 1;
	}
}
