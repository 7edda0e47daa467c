package io.charter.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.platform.Utc;
import io.charter.shared.NotFound;

/** The documents and their versions. */
@Repository
class PolicyDocuments {

	/**
	 * @param title the English title, also the one of a language left without
	 * @param clauses the clauses the document serves as written in the console; empty for the shipped
	 *        document, whose text marks them
	 * @param retiredAt when it stopped being asked of people; null while in force
	 */
	record Document(String id, String title, String titleFr, String titleNl, String scope, Set<String> clauses,
			boolean acknowledgementRequired, Instant retiredAt) {

		String title(Locale locale) {
			String own = switch (locale.getLanguage()) {
				case "fr" -> titleFr;
				case "nl" -> titleNl;
				default -> title;
			};
			return own == null || own.isBlank() ? title : own;
		}

		boolean retired() {
			return retiredAt != null;
		}
	}

	/** A document as written in the console, before it has a version. */
	record NewDocument(String id, String title, String titleFr, String titleNl, Set<String> clauses,
			boolean acknowledgementRequired) {
	}

	private static final String DOCUMENT = "id, title, title_fr, title_nl, scope, clauses, acknowledgement_required, retired_at";

	private static final String VERSION = "document_id, number, markdown, sha256, status, created_at, published_at";

	private final JdbcClient jdbc;

	PolicyDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Document> documents() {
		return jdbc.sql("select " + DOCUMENT + " from policy_document order by title").query(PolicyDocuments::document)
				.list();
	}

	/**
	 * The documents asked of people now, each with its current version's number: acknowledgement
	 * required, not retired, a version published; the shipped document first, then by creation.
	 */
	Map<Document, Integer> duties() {
		Map<Document, Integer> duties = new LinkedHashMap<>();
		jdbc.sql("select " + DOCUMENT + ", " + """
				(select max(number) from policy_version v where v.document_id = d.id and v.status = 'PUBLISHED') as current_version
				from policy_document d where d.acknowledgement_required and d.retired_at is null
				order by d.created_at, d.id""").query((rs, n) -> {
					int current = rs.getInt("current_version");
					if (!rs.wasNull()) {
						duties.put(document(rs, n), current);
					}
					return current;
				}).list();
		return duties;
	}

	Optional<Document> document(String id) {
		return jdbc.sql("select " + DOCUMENT + " from policy_document where id = :id").param("id", id)
				.query(PolicyDocuments::document).optional();
	}

	boolean exists(String id) {
		return jdbc.sql("select count(*) from policy_document where id = :id").param("id", id).query(Integer.class)
				.single() > 0;
	}

	void insert(NewDocument document, Instant now) {
		jdbc.sql("""
				insert into policy_document (id, title, title_fr, title_nl, scope, clauses, acknowledgement_required, created_at)
				values (:id, :title, :fr, :nl, 'ALL_ACTIVE', :clauses, :required, :now)""").param("id", document.id())
				.param("title", document.title()).param("fr", document.titleFr()).param("nl", document.titleNl())
				.param("clauses", String.join(",", new TreeSet<>(document.clauses())))
				.param("required", document.acknowledgementRequired()).param("now", Utc.odt(now)).update();
	}

	/** Retires the document; false when it already was. */
	boolean retire(String id, Instant now) {
		return jdbc.sql("update policy_document set retired_at = :now where id = :id and retired_at is null")
				.param("id", id).param("now", Utc.odt(now)).update() == 1;
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

	private static Document document(ResultSet rs, int n) throws SQLException {
		String clauses = rs.getString("clauses");
		return new Document(rs.getString("id"), rs.getString("title"), rs.getString("title_fr"), rs.getString("title_nl"),
				rs.getString("scope"),
				clauses == null || clauses.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(clauses.split(","))),
				rs.getBoolean("acknowledgement_required"), Utc.instant(rs, "retired_at"));
	}

	private static PolicyVersion version(ResultSet rs, int n) throws SQLException {
		return new PolicyVersion(rs.getString("document_id"), rs.getInt("number"), rs.getString("markdown"),
				rs.getString("sha256"), PolicyVersion.Status.valueOf(rs.getString("status")),
				Utc.instant(rs, "created_at"), Utc.instant(rs, "published_at"));
	}
}
