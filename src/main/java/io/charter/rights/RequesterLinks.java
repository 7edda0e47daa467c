package io.charter.rights;

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

/**
 * Single-use links e-mailed to requesters (the rights_link table): one confirms their address, one
 * withdraws their request. A link works once and until it expires; only its hash is stored.
 */
@Repository
public class RequesterLinks {

	public enum Purpose {
		VERIFY, WITHDRAW
	}

	private final JdbcClient jdbc;

	RequesterLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID requestId, Purpose purpose, String hash, Instant now, Instant expires) {
		jdbc.sql("""
				insert into rights_link (id, request_id, purpose, token_hash, created_at, expires_at)
				values (:id, :request, :purpose, :hash, :now, :expires)""")
				.param("id", UUID.randomUUID()).param("request", requestId).param("purpose", purpose.name())
				.param("hash", hash).param("now", odt(now)).param("expires", odt(expires)).update();
	}

	/** The request of a valid, unused link. */
	public Optional<UUID> findUsable(String hash, Purpose purpose, Instant now) {
		return jdbc.sql("""
				select request_id from rights_link
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("hash", hash).param("purpose", purpose.name()).param("now", odt(now)).query(UUID.class).optional();
	}

	/** The request of a link that has not expired, used or not: a second click still finds its request. */
	public Optional<UUID> requestOf(String hash, Purpose purpose, Instant now) {
		return jdbc.sql("""
				select request_id from rights_link where token_hash = :hash and purpose = :purpose and expires_at > :now""")
				.param("hash", hash).param("purpose", purpose.name()).param("now", odt(now)).query(UUID.class).optional();
	}

	/** Marks the link used; false when another request used it first. */
	public boolean consume(String hash, Purpose purpose, Instant now) {
		return jdbc.sql("""
				update rights_link set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("hash", hash).param("purpose", purpose.name()).param("now", odt(now)).update() == 1;
	}

	/** What became of the links among these hashes (a replaced link counts as used); others are left out. */
	public Map<String, OneTimeLink.State> states(Set<String> hashes, Instant now) {
		Map<String, OneTimeLink.State> states = new HashMap<>();
		if (!hashes.isEmpty()) {
			jdbc.sql("select token_hash, used_at, expires_at from rights_link where token_hash in (:hashes)")
					.param("hashes", hashes).query(rs -> {
						states.put(rs.getString("token_hash"), OneTimeLink.State.of(instant(rs, "used_at"),
								instant(rs, "expires_at"), now));
					});
		}
		return states;
	}

	/** A new link replaces the old ones of the same purpose. */
	public void revokeAll(UUID requestId, Purpose purpose, Instant now) {
		jdbc.sql("update rights_link set used_at = :now where request_id = :id and purpose = :purpose and used_at is null")
				.param("id", requestId).param("purpose", purpose.name()).param("now", odt(now)).update();
	}
}
