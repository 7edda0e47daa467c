package io.charter.rights.fulfilment;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.rights.web.FulfilmentRecord;

/** The rights_fulfilment table: what each module or connected system did for a request. */
@Repository
public class FulfilmentRecords {

	private final JdbcClient jdbc;

	FulfilmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID requestId, String holder, String action, String outcome, int records, String detail, Instant at,
			String actor) {
		jdbc.sql("""
				insert into rights_fulfilment (id, request_id, holder, action, outcome, records, detail, at, actor)
				values (:id, :request, :holder, :action, :outcome, :records, :detail, :at, :actor)""")
				.param("id", UUID.randomUUID()).param("request", requestId).param("holder", cut(holder, 100))
				.param("action", action).param("outcome", outcome).param("records", records)
				.param("detail", detail == null ? null : cut(detail, 2000)).param("at", odt(at))
				.param("actor", cut(actor, 200)).update();
	}

	public List<FulfilmentRecord> of(UUID requestId) {
		return jdbc.sql("""
				select holder, action, outcome, records, detail, at, actor from rights_fulfilment
				where request_id = :id order by at, holder""").param("id", requestId)
				.query((rs, n) -> new FulfilmentRecord(rs.getString("holder"), rs.getString("action"),
						rs.getString("outcome"), rs.getInt("records"), rs.getString("detail"), instant(rs, "at"),
						rs.getString("actor")))
				.list();
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
