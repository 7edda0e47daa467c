package io.charter.identity.tokens;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.identity.ApiToken;
import io.charter.identity.Roles;

/** The api_token table; secrets are looked up by their hash. */
@Repository
public class ApiTokens {

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiToken t, String hash) {
		jdbc.sql("""
				insert into api_token (id, user_id, name, token_hash, prefix, roles, created_at, expires_at)
				values (:id, :user, :name, :hash, :prefix, :roles, :created, :expires)
				""").param("id", t.id()).param("user", t.userId()).param("name", t.name()).param("hash", hash)
				.param("prefix", t.prefix()).param("roles", Roles.format(t.roles())).param("created", odt(t.createdAt()))
				.param("expires", odt(t.expiresAt())).update();
	}

	Optional<ApiToken> findByHash(String hash) {
		return jdbc.sql("select * from api_token where token_hash = :hash").param("hash", hash).query(this::map)
				.optional();
	}

	Optional<ApiToken> findById(UUID id) {
		return jdbc.sql("select * from api_token where id = :id").param("id", id).query(this::map).optional();
	}

	public List<ApiToken> findByUser(UUID userId) {
		return jdbc.sql("select * from api_token where user_id = :user order by created_at desc")
				.param("user", userId).query(this::map).list();
	}

	List<ApiToken> findAll() {
		return jdbc.sql("select * from api_token order by created_at desc").query(this::map).list();
	}

	void revoke(UUID id, Instant at) {
		jdbc.sql("update api_token set revoked_at = :at where id = :id and revoked_at is null").param("id", id)
				.param("at", odt(at)).update();
	}

	/** Revokes every token of a user not revoked yet (a leaver); the tokens revoked, as they were. */
	public List<ApiToken> revokeAllOf(UUID userId, Instant at) {
		List<ApiToken> live = findByUser(userId).stream().filter(t -> t.revokedAt() == null).toList();
		live.forEach(t -> revoke(t.id(), at));
		return live;
	}

	/** Deletes every token of a user (erasure): a deleted token can no longer be looked up, so it is revoked. */
	public int deleteByUser(UUID userId) {
		return jdbc.sql("delete from api_token where user_id = :user").param("user", userId).update();
	}

	void markUsed(UUID id, Instant at) {
		jdbc.sql("update api_token set last_used_at = :at where id = :id").param("id", id).param("at", odt(at)).update();
	}

	private ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
				rs.getString("prefix"), Roles.parse(rs.getString("roles")), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}
}
