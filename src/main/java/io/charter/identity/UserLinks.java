package io.charter.identity;

import static io.charter.identity.Users.odt;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links (invitation, password reset); a link works once and until it expires. */
@Repository
class UserLinks {

	private final JdbcClient jdbc;

	UserLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, String purpose, String hash, Instant now, Instant expires) {
		jdbc.sql("""
				insert into user_link (id, user_id, purpose, token_hash, created_at, expires_at)
				values (:id, :user, :purpose, :hash, :now, :expires)
				""").param("id", UUID.randomUUID()).param("user", userId).param("purpose", purpose).param("hash", hash)
				.param("now", odt(now)).param("expires", odt(expires)).update();
	}

	/** Deletes every link of a user (erasure), so that no pending invitation can set a password. */
	int deleteByUser(UUID userId) {
		return jdbc.sql("delete from user_link where user_id = :user").param("user", userId).update();
	}

		/** The user of a valid, unused link. */
	Optional<UUID> findUsable(String hash, Instant now) {
		return jdbc.sql("select user_id from user_link where token_hash = :hash and used_at is null and expires_at > :now")
				.param("hash", hash).param("now", odt(now)).query(UUID.class).optional();
	}

	/** Marks the link used; false when another request used it first. */
	boolean consume(String hash, Instant now) {
		return jdbc.sql("update user_link set used_at = :now where token_hash = :hash and used_at is null and expires_at > :now")
				.param("hash", hash).param("now", odt(now)).update() == 1;
	}
}
