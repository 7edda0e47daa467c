package io.charter.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.platform.Utc;
import io.charter.shared.NotFound;

/** The documents and their versions. */
@Repository
class PolicyDocuments {

	record Document(String id, String title, String scope) {
	}

	private static final String VERSION = "document_id, number, markdown, sha256, status, created_at, published_at";

	private final JdbcClient jdbc;

	PolicyDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Document> documents() {
		return jdbc.sql("select id, title, scope from policy_document order by title")
				.query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	Optional<Document> document(String id) {
		return jdbc.sql("select id, title, scope from policy_document where id = :id").param("id", id)
				.query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
	}

	/** The document, or a 404 for an unknown one. */
	Document existing(String id) {
		return document(id).orElseThrow(() -> new NotFound("Unknown policy " + id));
	}

	List<PolicyVersion> versions(String documentId) {
		return jdbc.sql("select " + VERSION + " from policy_version where document_id = :d order by number desc")
				.param("d", documentId).query(PolicyDocuments::version).list();
	}

	Optional<PolicyVersion> version(String documentId, int number) {
		return jdbc.sql("select " + VERSION + " from policy_version where document_id = :d and number = :n")
				.param("d", documentId).param("n", number).query(PolicyDocuments::version).optional();
	}

	/** The version people are asked to acknowledge: the last published. */
	Optional<PolicyVersion> current(String documentId) {
		return jdbc.sql("select " + VERSION + " from policy_version where document_id = :d and status = 'PUBLISHED' order by number desc fetch first 1 rows only")
				.param("d", documentId).query(PolicyDocuments::version).optional();
	}

	Optional<PolicyVersion> draft(String documentId) {
		return jdbc.sql("select " + VERSION + " from policy_version where document_id = :d and status = 'DRAFT'")
				.param("d", documentId).query(PolicyDocuments::version).optional();
	}

	int nextNumber(String documentId) {
		return jdbc.sql("select coalesce(max(number), 0) + 1 from policy_version where document_id = :d")
				.param("d", documentId).query(Integer.class).single();
	}

	void insertDraft(String documentId, int number, String markdown, String sha256, String actor, Instant now) {
		jdbc.sql("insert into policy_version (document_id, number, markdown, sha256, status, created_at, created_by) values (:d, :n, :m, :h, 'DRAFT', :now, :actor)")
				.param("d", documentId).param("n", number).param("m", markdown).param("h", sha256)
				.param("now", Utc.odt(now)).param("actor", actor).update();
	}

	void replaceDraft(String documentId, int number, String markdown, String sha256) {
		jdbc.sql("update policy_version set markdown = :m, sha256 = :h where document_id = :d and number = :n and status = 'DRAFT'")
				.param("d", documentId).param("n", number).param("m", markdown).param("h", sha256).update();
	}

	/** Publishes the draft; false when it is no longer a draft (published by someone else meanwhile). */
	boolean publish(String documentId, int number, String actor, Instant now) {
		return jdbc.sql("update policy_version set status = 'PUBLISHED', published_at = :now, published_by = :actor where document_id = :d and number = :n and status = 'DRAFT'")
				.param("d", documentId).param("n", number).param("now", Utc.odt(now)).param("actor", actor).update() == 1;
	}

	private static PolicyVersion version(ResultSet rs, int n) throws SQLException {
		return new PolicyVersion(rs.getString("document_id"), rs.getInt("number"), rs.getString("markdown"),
				rs.getString("sha256"), PolicyVersion.Status.valueOf(rs.getString("status")),
				Utc.instant(rs, "created_at"), Utc.instant(rs, "published_at"));
	}
}
