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

/**
 * What SCIM keeps beside the directory: external ids, userNames that are not the e-mail address,
 * empty groups, and the providers' credentials.
 */
@Repository
class ScimStore {

	/** A provider's credential as listed: never its secret. */
	record Credential(UUID id, String name, String prefix, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
	}

	/**
	 * What a provider gave for a person beyond the directory's fields.
	 *
	 * @param externalId the provider's own id, or null
	 * @param userName the provider's userName when it is not the person's e-mail address, or null
	 */
	record Kept(String externalId, String userName) {

		static final Kept NONE = new Kept(null, null);
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

	/** What is kept for one person, in one query. */
	Kept kept(UUID personId) {
		return keptFor(personId, "").orElse(Kept.NONE);
	}

	/** What is kept for a person the provider may see; empty when they were erased. One query for both. */
	Optional<Kept> keptUnlessErased(UUID personId) {
		return keptFor(personId, " and p.anonymised_at is null");
	}

	private Optional<Kept> keptFor(UUID personId, String condition) {
		return jdbc.sql("""
				select e.external_id, u.user_name from person p
				left join scim_external_id e on e.person_id = p.id left join scim_user_name u on u.person_id = p.id
				where p.id = :id""" + condition).param("id", personId)
				.query((rs, row) -> new Kept(rs.getString(1), rs.getString(2))).optional();
	}

	/** What is kept for everyone who has something kept, for a filter that has to look at each person. */
	Map<UUID, Kept> kept() {
		Map<UUID, Kept> kept = new HashMap<>();
		jdbc.sql("select person_id, external_id from scim_external_id")
				.query((rs, row) -> kept.put(rs.getObject(1, UUID.class), new Kept(rs.getString(2), null))).list();
		jdbc.sql("select person_id, user_name from scim_user_name").query((rs, row) -> kept.merge(
				rs.getObject(1, UUID.class), new Kept(null, rs.getString(2)), (a, b) -> new Kept(a.externalId(), b.userName())))
				.list();
		return kept;
	}

	Optional<UUID> personOfUserName(String userName) {
		return jdbc.sql("select person_id from scim_user_name where user_name_key = :key").param("key", key(userName))
				.query(UUID.class).optional();
	}

	/**
	 * Sets or (null) clears the userName kept for a person. It is unique, also against the e-mail
	 * address of a person whose userName is that address, so a lookup by userName finds one person.
	 */
	void setUserName(UUID personId, String userName) {
		jdbc.sql("delete from scim_user_name where person_id = :id").param("id", personId).update();
		if (userName != null && !userName.isBlank()) {
			boolean taken = personOfUserName(userName).isPresent() || jdbc.sql("""
					select count(*) from person p where p.email = :key and p.id <> :id
					and not exists (select 1 from scim_user_name u where u.person_id = p.id)""")
					.param("key", key(userName)).param("id", personId).query(Integer.class).single() > 0;
			if (taken) {
				throw new ScimException(409, "uniqueness", "userName is already used");
			}
			jdbc.sql("insert into scim_user_name (person_id, user_name, user_name_key) values (:id, :name, :key)")
					.param("id", personId).param("name", userName).param("key", key(userName)).update();
		}
	}

	/** Whether another person keeps this address as their userName (so it cannot be one's own userName too). */
	boolean userNameOfAnother(UUID personId, String email) {
		return personOfUserName(email).filter(other -> !other.equals(personId)).isPresent();
	}

	private static String key(String userName) {
		return userName.strip().toLowerCase(java.util.Locale.ROOT);
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
