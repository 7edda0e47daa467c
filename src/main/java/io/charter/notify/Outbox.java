package io.charter.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox_message table. */
@Repository
class Outbox {

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(OutboxMessage m) {
		jdbc.sql("""
				insert into outbox_message (id, created_at, recipient, subject, body, template, language, status, attempts)
				values (:id, :created, :to, :subject, :body, :template, :lang, :status, 0)
				""").param("id", m.id()).param("created", odt(m.createdAt())).param("to", m.recipient())
				.param("subject", m.subject()).param("body", m.body()).param("template", m.template())
				.param("lang", m.language()).param("status", m.status()).update();
	}

	List<OutboxMessage> pending(int limit) {
		return jdbc.sql("select * from outbox_message where status = 'PENDING' order by created_at limit :limit")
				.param("limit", limit).query(this::map).list();
	}

	List<OutboxMessage> latest(int limit) {
		return jdbc.sql("select * from outbox_message order by created_at desc limit :limit").param("limit", limit)
				.query(this::map).list();
	}

	void markSent(UUID id, Instant at) {
		jdbc.sql("update outbox_message set status = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = null where id = :id")
				.param("id", id).param("at", odt(at)).update();
	}

	void markFailed(UUID id, String error, boolean giveUp) {
		jdbc.sql("update outbox_message set status = :status, attempts = attempts + 1, last_error = :error where id = :id")
				.param("id", id).param("status", giveUp ? "FAILED" : "PENDING")
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

	void recordRun(String job, String instance, Instant started, Instant finished, String outcome) {
		jdbc.sql("insert into job_run (id, job, instance, started_at, finished_at, outcome) values (:id, :job, :inst, :s, :f, :o)")
				.param("id", UUID.randomUUID()).param("job", job).param("inst", instance).param("s", odt(started))
				.param("f", odt(finished)).param("o", outcome).update();
	}

	private OutboxMessage map(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getObject("id", UUID.class), instant(rs, "created_at"), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body"), rs.getString("template"), rs.getString("language"),
				rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "sent_at"));
	}

	private static OffsetDateTime odt(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String col) throws SQLException {
		OffsetDateTime v = rs.getObject(col, OffsetDateTime.class);
		return v == null ? null : v.toInstant();
	}
}
