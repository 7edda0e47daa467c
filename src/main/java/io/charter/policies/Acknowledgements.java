package io.charter.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.platform.Utc;

/** Every acknowledgement of every version, kept as evidence. */
@Repository
class Acknowledgements {

	/** The most people one query names, well under every database's parameter limit. */
	static final int CHUNK = 1000;

	record Acknowledgement(String documentId, int version, UUID personId, String textSha256, Instant at) {
	}

	private static final String SELECT = "select document_id, version, person_id, text_sha256, acknowledged_at"
			+ " from policy_acknowledgement";

	private final JdbcClient jdbc;

	Acknowledgements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records it; false when this person had already acknowledged this version (a double submit). */
	boolean record(String documentId, int version, UUID person, String sha256, Instant now) {
		try {
			return jdbc.sql("insert into policy_acknowledgement (id, document_id, version, person_id, text_sha256, acknowledged_at) select :id, :d, :v, :p, :h, :now where not exists (select 1 from policy_acknowledgement where document_id = :d and version = :v and person_id = :p)")
					.param("id", UUID.randomUUID()).param("d", documentId).param("v", version).param("p", person)
					.param("h", sha256).param("now", Utc.odt(now)).update() == 1;
		}
		catch (DuplicateKeyException simultaneous) {
			return false;
		}
	}

	/**
	 * Per person, their latest acknowledgement of any version of the document. For more people than a
	 * query names, the document's acknowledgements are read once and matched in memory: a list of a
	 * thousand ids is matched row by row against every acknowledgement of the document (the index
	 * leads with the document), so ten such queries cost far more than one read of them all.
	 */
	Map<UUID, Acknowledgement> latest(String documentId, Collection<UUID> people) {
		Map<UUID, Acknowledgement> latest = new HashMap<>();
		if (people.isEmpty()) {
			return latest;
		}
		java.util.Set<UUID> wanted = new java.util.HashSet<>(people);
		var query = wanted.size() > CHUNK
				? jdbc.sql(SELECT + " where document_id = :d").param("d", documentId)
				: jdbc.sql(SELECT + " where document_id = :d and person_id in (:people)").param("d", documentId)
						.param("people", wanted);
		query.query(Acknowledgements::map).list().stream().filter(a -> wanted.contains(a.personId()))
				.forEach(a -> latest.merge(a.personId(), a, (x, y) -> x.version() >= y.version() ? x : y));
		return latest;
	}

	/** Everything a person acknowledged, for their data-subject request. */
	List<Acknowledgement> of(UUID person) {
		return jdbc.sql("select document_id, version, person_id, text_sha256, acknowledged_at from policy_acknowledgement where person_id = :p order by acknowledged_at")
				.param("p", person).query(Acknowledgements::map).list();
	}

	int count(String documentId, int version) {
		return jdbc.sql("select count(*) from policy_acknowledgement where document_id = :d and version = :v")
				.param("d", documentId).param("v", version).query(Integer.class).single();
	}

	private static Acknowledgement map(ResultSet rs, int n) throws SQLException {
		return new Acknowledgement(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
				Utc.instant(rs, 5));
	}
}
