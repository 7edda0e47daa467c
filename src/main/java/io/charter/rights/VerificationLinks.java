package io.charter.rights;

import static io.charter.rights.DataSubjectRequests.odt;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links that confirm a requester's e-mail address; a link works once and until it expires. */
@Repository
class VerificationLinks {

	static final String VERIFY = "VERIFY";

	private final JdbcClient jdbc;

	VerificationLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID requestId, String hash, Instant now, Instant expires) {
		jdbc.sql("""
				insert into rights_link (id, request_id, purpose, token_hash, created_at, expires_at)
				values (:id, :request, :purpose, :hash, :now, :expires)""")
				.param("id", UUID.randomUUID()).param("request", requestId).param("purpose", VERIFY)
				.param("hash", hash).param("now", odt(now)).param("expires", odt(expires)).update();
	}

	/** The request of a valid, unused link. */
	Optional<UUID> findUsable(String hash, Instant now) {
		return jdbc.sql("""
				select request_id from rights_link
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("hash", hash).param("purpose", VERIFY).param("now", odt(now)).query(UUID.class).optional();
	}

	/** Marks the link used; false when another request used it first. */
	boolean consume(String hash, Instant now) {
		return jdbc.sql("""
				update rights_link set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("hash", hash).param("purpose", VERIFY).param("now", odt(now)).update() == 1;
	}

	/** A new link replaces the old ones. */
	void revokeAll(UUID requestId, Instant now) {
		jdbc.sql("update rights_link set used_at = :now where request_id = :id and used_at is null")
				.param("id", requestId).param("now", odt(now)).update();
	}
}
