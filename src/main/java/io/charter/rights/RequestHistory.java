package io.charter.rights;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.rights.web.HistoryEntry;

/** The rights_step table: every step of a request, with its text, oldest first. */
@Repository
public class RequestHistory {

	private final JdbcClient jdbc;

	RequestHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(UUID requestId, Instant at, String actor, String kind, String summary, String text) {
		jdbc.sql("""
				insert into rights_step (id, request_id, at, actor, kind, summary, text)
				values (:id, :request, :at, :actor, :kind, :summary, :text)""")
				.param("id", UUID.randomUUID()).param("request", requestId).param("at", odt(at))
				.param("actor", cut(actor, 200)).param("kind", kind).param("summary", cut(summary, 1000))
				.param("text", text).update();
	}

	public List<HistoryEntry> of(UUID requestId) {
		return jdbc.sql("select at, actor, kind, summary, text from rights_step where request_id = :id order by at, kind")
				.param("id", requestId)
				.query((rs, n) -> new HistoryEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("kind"),
						rs.getString("summary"), rs.getString("text")))
				.list();
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
