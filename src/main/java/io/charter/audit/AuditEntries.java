package io.charter.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_entry table and its chain head. Rows are inserted, never updated or deleted. */
@Repository
class AuditEntries {

	record Head(long lastSeq, String lastHash) {
	}

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the head row until the transaction ends: appends are serialised across instances. */
	Head lockHead() {
		return jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
				.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
	}

	Head head() {
		return jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
				.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
	}

	/** The last entry recorded before this instant, as the head stood then; the genesis when none. */
	Head lastBefore(java.time.Instant end) {
		return jdbc.sql("""
				select seq, hash from audit_entry
				where seq = (select max(seq) from audit_entry where occurred_at < :end)""")
				.param("end", end.atOffset(ZoneOffset.UTC)).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
				.optional().orElse(new Head(0, AuditChain.GENESIS));
	}

	void append(AuditEntry e) {
		jdbc.sql("""
				insert into audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, summary, prev_hash, hash)
				values (:seq, :at, :actor, :action, :type, :id, :summary, :prev, :hash)
				""").param("seq", e.seq()).param("at", e.occurredAt().atOffset(ZoneOffset.UTC)).param("actor", e.actor())
				.param("action", e.action()).param("type", e.entityType()).param("id", e.entityId())
				.param("summary", e.summary()).param("prev", e.prevHash()).param("hash", e.hash()).update();
		jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1").param("seq", e.seq())
				.param("hash", e.hash()).update();
	}

	/** Entries after {@code seq} up to {@code last}, in order, at most {@code limit} of them. */
	List<AuditEntry> after(long seq, long last, int limit) {
		return jdbc.sql("select * from audit_entry where seq > :seq and seq <= :last order by seq limit :limit")
				.param("seq", seq).param("last", last).param("limit", limit).query(this::map).list();
	}

	Optional<AuditEntry> at(long seq) {
		return jdbc.sql("select * from audit_entry where seq = :seq").param("seq", seq).query(this::map).optional();
	}

	List<AuditEntry> search(AuditFilter filter, long offset, int limit) {
		StringBuilder sql = new StringBuilder("select * from audit_entry where 1 = 1");
		Map<String, Object> params = where(filter, sql);
		sql.append(" order by seq desc limit :limit offset :offset");
		params.put("limit", limit);
		params.put("offset", offset);
		return jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	long count(AuditFilter filter) {
		StringBuilder sql = new StringBuilder("select count(*) from audit_entry where 1 = 1");
		Map<String, Object> params = where(filter, sql);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	private static Map<String, Object> where(AuditFilter f, StringBuilder sql) {
		Map<String, Object> params = new LinkedHashMap<>();
		if (hasText(f.action())) {
			sql.append(" and action like :action");
			params.put("action", escapeLike(f.action()) + "%");
		}
		if (hasText(f.entityType())) {
			sql.append(" and entity_type = :type");
			params.put("type", f.entityType());
		}
		if (hasText(f.entityId())) {
			sql.append(" and entity_id = :entityId");
			params.put("entityId", f.entityId());
		}
		if (hasText(f.actor())) {
			sql.append(" and actor like :actor");
			params.put("actor", escapeLike(f.actor()) + "%");
		}
		if (f.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (f.to() != null) {
			sql.append(" and occurred_at < :to");
			params.put("to", f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		return params;
	}

	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static boolean hasText(String s) {
		return s != null && !s.isBlank();
	}

	private AuditEntry map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
		return new AuditEntry(rs.getLong("seq"), at.toInstant(), rs.getString("actor"), rs.getString("action"),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

}
