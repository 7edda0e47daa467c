package io.charter.identity;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.notify.OneTimeLink;

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

	/**
	 * Marks the link used; false when another request used it first. Of simultaneous uses exactly
	 * one gets true: the others wait on the row until its transaction ends, then find it used.
	 */
	boolean consume(String hash, Instant now) {
		return jdbc.sql("update user_link set used_at = :now where token_hash = :hash and used_at is null and expires_at > :now")
				.param("hash", hash).param("now", odt(now)).update() == 1;
	}

	boolean issuedTo(UUID userId, String purpose) {
		return jdbc.sql("select count(*) from user_link where user_id = :user and purpose = :purpose")
				.param("user", userId).param("purpose", purpose).query(Long.class).single() > 0;
	}

	/** A new link replaces a user's unused ones of a purpose: they expire now. */
	int expireUnused(UUID userId, String purpose, Instant now) {
		return jdbc.sql("""
				update user_link set expires_at = :now
				where user_id = :user and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("user", userId).param("purpose", purpose).param("now", odt(now)).update();
	}

	/** What became of the links among these hashes; unknown hashes are left out. */
	Map<String, OneTimeLink.State> states(Set<String> hashes, Instant now) {
		if (hashes.isEmpty()) {
			return Map.of();
		}
		Map<String, OneTimeLink.State> states = new HashMap<>();
		jdbc.sql("select token_hash, used_at, expires_at from user_link where token_hash in (:hashes)")
				.param("hashes", hashes).query(rs -> {
					states.put(rs.getString("token_hash"), OneTimeLink.State.of(instant(rs, "used_at"),
							instant(rs, "expires_at"), now));
				});
		return states;
	}
}
