package io.charter.people.scim;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What SCIM keeps beside the directory: external ids, empty groups, and the providers' credentials. */
@Repository
class ScimStore {

	/** A provider's credential as listed: never its secret. */
	record Credential(UUID id, String name, String prefix, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
	}

	private final JdbcClient jdbc;

	ScimStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> externalId(UUID personId) {
		return jdbc.sql("select external_id from scim_external_id where person_id = :id").param("id", personId)
				.query(String.class).optional();
	}

	Optional<UUID> personOfExternalId(String externalId) {
		return jdbc.sql("select person_id from scim_external_id where external_id = :ext").param("ext", externalId)
				.query(UUID.class).optional();
	}

	/** Sets or (null) clears a person's external id; it is unique across people. */
	void setExternalId(UUID personId, String externalId) {
		jdbc.sql("delete from scim_external_id where person_id = :id").param("id", personId).update();
		if (externalId != null && !externalId.isBlank()) {
			personOfExternalId(externalId).ifPresent(other -> {
				throw new ScimException(409, "uniqueness", "externalId is already used");
			});
			jdbc.sql("insert into scim_external_id (person_id, external_id) values (:id, :ext)").param("id", personId)
					.param("ext", externalId).update();
		}
	}

	/** Every external id by person, for a filter that has to look at each person. */
	Map<UUID, String> externalIds() {
		Map<UUID, String> ids = new HashMap<>();
		jdbc.sql("select person_id, external_id from scim_external_id")
				.query((rs, row) -> ids.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return ids;
	}

	/** Whether the person was erased (a SCIM DELETE): to the provider they no longer exist. */
	boolean anonymised(UUID personId) {
		return jdbc.sql("select count(*) from person where id = :id and anonymised_at is not null").param("id", personId)
				.query(Integer.class).single() > 0;
	}

	List<String> groups() {
		return jdbc.sql("select display_name from scim_group").query(String.class).list();
	}

	void addGroup(String name) {
		if (!groups().contains(name)) {
			jdbc.sql("insert into scim_group (display_name) values (:name)").param("name", name).update();
		}
	}

	void removeGroup(String name) {
		jdbc.sql("delete from scim_group where display_name = :name").param("name", name).update();
	}

	void insertCredential(Credential c, String hash) {
		jdbc.sql("""
				insert into scim_credential (id, name, token_hash, prefix, created_at)
				values (:id, :name, :hash, :prefix, :created)
				""").param("id", c.id()).param("name", c.name()).param("hash", hash).param("prefix", c.prefix())
				.param("created", odt(c.createdAt())).update();
	}

	Optional<Credential> credentialByHash(String hash) {
		return jdbc.sql("select * from scim_credential where token_hash = :hash").param("hash", hash)
				.query(this::credential).optional();
	}

	List<Credential> credentials() {
		return jdbc.sql("select * from scim_credential order by created_at desc").query(this::credential).list();
	}

	boolean revokeCredential(UUID id, Instant at) {
		return jdbc.sql("update scim_credential set revoked_at = :at where id = :id and revoked_at is null")
				.param("id", id).param("at", odt(at)).update() > 0;
	}

	void markUsed(UUID id, Instant at) {
		jdbc.sql("update scim_credential set last_used_at = :at where id = :id").param("id", id).param("at", odt(at))
				.update();
	}

	private Credential credential(ResultSet rs, int row) throws SQLException {
		return new Credential(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
				instant(rs, "created_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}
}
