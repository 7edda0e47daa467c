package io.charter.platform;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Links e-mailed to someone so they can act once without signing in (an invitation, a requester's
 * confirmation or withdrawal), in the {@code one_time_link} table. A link opens one subject (a
 * user, a request: the issuing module's id) for one purpose; it works once and until it expires.
 * Only the SHA-256 of its secret is stored ({@link Secrets}), the hash the outbox asks about.
 * Every method runs in the caller's transaction.
 */
@Repository
public class OneTimeLinks {

	/**
	 * What a link is for, named {@code <module>.<action>} so that modules never share one.
	 *
	 * @param name stored with each link; at most 40 characters
	 */
	public record Purpose(String name) {
		public Purpose {
			Objects.requireNonNull(name, "name");
			if (!name.matches("[a-z]+\\.[a-z_-]+") || name.length() > 40) {
				throw new IllegalArgumentException("A link purpose is <module>.<action>, at most 40 characters: " + name);
			}
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	OneTimeLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new link that works from now for {@code lifetime}; its secret, returned here only, goes into the address. */
	public String issue(Purpose purpose, UUID subject, Duration lifetime) {
		String secret = Secrets.generate();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into one_time_link (id, purpose, subject_id, token_hash, created_at, expires_at)
				values (:id, :purpose, :subject, :hash, :now, :expires)""")
				.param("id", UUID.randomUUID()).param("purpose", purpose.name()).param("subject", subject)
				.param("hash", Secrets.hash(secret)).param("now", odt(now)).param("expires", odt(now.plus(lifetime)))
				.update();
		return secret;
	}

	/** The subject of a link that is neither used nor expired. */
	public Optional<UUID> usableSubject(Purpose purpose, String secret) {
		if (!Secrets.wellFormed(secret)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select subject_id from one_time_link
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("hash", Secrets.hash(secret)).param("purpose", purpose.name()).param("now", odt(clock.instant()))
				.query(UUID.class).optional();
	}

	/** The subject of a link that has not expired, used or not: a second click still finds what it opened. */
	public Optional<UUID> subject(Purpose purpose, String secret) {
		if (!Secrets.wellFormed(secret)) {
			return Optional.empty();
		}
		return jdbc.sql("select subject_id from one_time_link where token_hash = :hash and purpose = :purpose and expires_at > :now")
				.param("hash", Secrets.hash(secret)).param("purpose", purpose.name()).param("now", odt(clock.instant()))
				.query(UUID.class).optional();
	}

	/**
	 * Marks a usable link used; false when it is unknown, expired or used. Of simultaneous uses exactly
	 * one gets true: the conditional update locks the row, the others wait until the winner's
	 * transaction ends and then find it used. So the caller claims the link in the transaction that
	 * does what the link allows, after the checks that should leave it usable when they fail.
	 */
	public boolean consume(Purpose purpose, String secret) {
		if (!Secrets.wellFormed(secret)) {
			return false;
		}
		return jdbc.sql("""
				update one_time_link set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("hash", Secrets.hash(secret)).param("purpose", purpose.name()).param("now", odt(clock.instant()))
				.update() == 1;
	}

	/** Whether a link of this purpose was ever issued for the subject (and not deleted). */
	public boolean issued(Purpose purpose, UUID subject) {
		return jdbc.sql("select count(*) from one_time_link where subject_id = :subject and purpose = :purpose")
				.param("subject", subject).param("purpose", purpose.name()).query(Long.class).single() > 0;
	}

	/** Those of the subjects that hold a link of the purpose that could still be used. */
	public Set<UUID> withUsableLink(Purpose purpose, Collection<UUID> subjects) {
		if (subjects.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				select distinct subject_id from one_time_link
				where purpose = :purpose and subject_id in (:subjects) and used_at is null and expires_at > :now""")
				.param("purpose", purpose.name()).param("subjects", subjects).param("now", odt(clock.instant()))
				.query(UUID.class).list());
	}

	/** The subject's unused, unexpired links of a purpose expire now (the outbox then reads them as expired). */
	public int expireUnused(Purpose purpose, UUID subject) {
		return jdbc.sql("""
				update one_time_link set expires_at = :now
				where subject_id = :subject and purpose = :purpose and used_at is null and expires_at > :now""")
				.param("subject", subject).param("purpose", purpose.name()).param("now", odt(clock.instant())).update();
	}

	/** The subject's unused links of a purpose count as used from now (replaced: the outbox reads them as used). */
	public int useUpUnused(Purpose purpose, UUID subject) {
		return jdbc.sql("""
				update one_time_link set used_at = :now
				where subject_id = :subject and purpose = :purpose and used_at is null""")
				.param("subject", subject).param("purpose", purpose.name()).param("now", odt(clock.instant())).update();
	}

	/** Deletes the subject's links of a purpose (erasure), so none of them can act any more. */
	public int delete(Purpose purpose, UUID subject) {
		return jdbc.sql("delete from one_time_link where subject_id = :subject and purpose = :purpose")
				.param("subject", subject).param("purpose", purpose.name()).update();
	}

	/** Deletes the links of a purpose that expired before the cutoff. */
	public int deleteExpired(Purpose purpose, Instant before) {
		return jdbc.sql("delete from one_time_link where purpose = :purpose and expires_at < :before")
				.param("purpose", purpose.name()).param("before", odt(before)).update();
	}

	/** What became of the links of these purposes among these secret hashes; other hashes are left out. */
	public Map<String, LinkState> states(Collection<Purpose> purposes, Set<String> hashes) {
		Map<String, LinkState> states = new HashMap<>();
		if (hashes.isEmpty() || purposes.isEmpty()) {
			return states;
		}
		Instant now = clock.instant();
		List<String> names = purposes.stream().map(Purpose::name).toList();
		jdbc.sql("select token_hash, used_at, expires_at from one_time_link where token_hash in (:hashes) and purpose in (:purposes)")
				.param("hashes", hashes).param("purposes", names).query(rs -> {
					states.put(rs.getString("token_hash"), LinkState.of(instant(rs, "used_at"), instant(rs, "expires_at"), now));
				});
		return states;
	}
}
