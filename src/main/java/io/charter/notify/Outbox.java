package io.charter.notify;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox_message table and the one-time links of its messages (outbox_link). The whole text of
 * a message with one-time links (body_to_send) is read only to send it, and cleared once sent or
 * given up: what readers of the outbox get never holds a live secret.
 */
@Repository
class Outbox {

	/** A message as the dispatcher sends it. */
	record Outgoing(UUID id, String recipient, String subject, String text, int attempts) {

		@Override
		public String toString() {
			return "Outgoing[" + id + "]";
		}
	}

	/** A one-time link of a stored message: masked address and the hash its issuer knows it by. */
	record StoredLink(UUID messageId, String address, String secretHash) {
	}

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, Instant createdAt, String recipient, String template, MailTemplates.Rendered rendered,
			String status, List<OneTimeLink> links) {
		jdbc.sql("""
				insert into outbox_message (id, created_at, recipient, subject, body, body_to_send, template, language,
				  status, attempts)
				values (:id, :created, :to, :subject, :body, :toSend, :template, :lang, :status, 0)
				""").param("id", id).param("created", odt(createdAt)).param("to", recipient)
				.param("subject", rendered.subject()).param("body", rendered.body()).param("toSend", rendered.bodyToSend())
				.param("template", template).param("lang", rendered.language()).param("status", status).update();
		for (int i = 0; i < links.size(); i++) {
			jdbc.sql("insert into outbox_link (message_id, seq, address, secret_hash) values (:id, :seq, :address, :hash)")
					.param("id", id).param("seq", i).param("address", links.get(i).masked())
					.param("hash", links.get(i).secretHash()).update();
		}
	}

	void attach(UUID id, List<Mail.Attachment> attachments) {
		for (int i = 0; i < attachments.size(); i++) {
			Mail.Attachment a = attachments.get(i);
			jdbc.sql("""
					insert into outbox_attachment (message_id, seq, filename, content_type, content)
					values (:id, :seq, :filename, :type, :content)""")
					.param("id", id).param("seq", i).param("filename", a.filename()).param("type", a.contentType())
					.param("content", a.content()).update();
		}
	}

	List<Mail.Attachment> attachmentsOf(UUID id) {
		return jdbc.sql("select filename, content_type, content from outbox_attachment where message_id = :id order by seq")
				.param("id", id).query((rs, n) -> new Mail.Attachment(rs.getString("filename"), rs.getString("content_type"),
						rs.getBytes("content"))).list();
	}

	List<Outgoing> pending(int limit) {
		return jdbc.sql("""
				select id, recipient, subject, coalesce(body_to_send, body) as text, attempts from outbox_message
				where status = 'PENDING' order by created_at limit :limit""")
				.param("limit", limit).query((rs, n) -> new Outgoing(rs.getObject("id", UUID.class),
						rs.getString("recipient"), rs.getString("subject"), rs.getString("text"), rs.getInt("attempts")))
				.list();
	}

	/** The latest messages that match, as readers of the outbox see them (never body_to_send). */
	List<OutboxMessage> latest(OutboxSearch search, int limit) {
		StringBuilder sql = new StringBuilder("""
				select id, created_at, recipient, subject, body, template, language, status, attempts, last_error, sent_at
				from outbox_message where 1 = 1""");
		Map<String, Object> params = new LinkedHashMap<>();
		if (search.text() != null) {
			// Backslash is the default LIKE escape on both databases.
			sql.append(" and (lower(recipient) like :text or lower(subject) like :text)");
			params.put("text", "%" + search.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
					.replace("_", "\\_") + "%");
		}
		if (search.status() != null) {
			sql.append(" and status = :status");
			params.put("status", search.status());
		}
		if (search.template() != null) {
			sql.append(" and template = :template");
			params.put("template", search.template());
		}
		params.put("limit", limit);
		return jdbc.sql(sql.append(" order by created_at desc limit :limit").toString()).params(params)
				.query(this::map).list();
	}

	/** The templates of the messages kept, for the outbox's filter. */
	List<String> templates() {
		return jdbc.sql("select distinct template from outbox_message order by template").query(String.class).list();
	}

	/** Some messages as readers of the outbox see them, oldest first; purged ones are missing. */
	List<OutboxMessage> withIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, created_at, recipient, subject, body, template, language, status, attempts, last_error, sent_at
				from outbox_message where id in (:ids) order by created_at""").param("ids", ids)
				.query(this::map).list();
	}

	List<StoredLink> linksOf(List<UUID> messageIds) {
		if (messageIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select message_id, address, secret_hash from outbox_link where message_id in (:ids) order by message_id, seq")
				.param("ids", messageIds).query((rs, n) -> new StoredLink(rs.getObject("message_id", UUID.class),
						rs.getString("address"), rs.getString("secret_hash"))).list();
	}

	/** Sent: the whole text with its one-time links is not kept. */
	void markSent(UUID id, Instant at) {
		jdbc.sql("""
				update outbox_message set status = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = null,
				  body_to_send = null
				where id = :id""")
				.param("id", id).param("at", odt(at)).update();
	}

	/** A failed attempt; when it was the last one, the whole text is not kept either. */
	void markFailed(UUID id, String error, boolean giveUp) {
		jdbc.sql("""
				update outbox_message set status = :status, attempts = attempts + 1, last_error = :error,
				  body_to_send = case when :giveUp then null else body_to_send end
				where id = :id""")
				.param("id", id).param("status", giveUp ? "FAILED" : "PENDING").param("giveUp", giveUp)
				.param("error", error.length() > 500 ? error.substring(0, 500) : error).update();
	}

	/** SMTP became available: messages held without it are sent now. */
	int releaseHeld() {
		return jdbc.sql("update outbox_message set status = 'PENDING' where status = 'HELD'").update();
	}

	int purgeBefore(Instant cutoff) {
		return jdbc.sql("delete from outbox_message where created_at < :cutoff and status <> 'PENDING'")
				.param("cutoff", odt(cutoff)).update();
	}

	private OutboxMessage map(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getObject("id", UUID.class), instant(rs, "created_at"), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body"), rs.getString("template"), rs.getString("language"),
				rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "sent_at"), List.of());
	}
}
