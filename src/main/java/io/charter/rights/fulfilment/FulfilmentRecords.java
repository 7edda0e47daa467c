package io.charter.rights.fulfilment;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.rights.web.FulfilmentRecord;
import io.charter.shared.personaldata.RequesterText;
import tools.jackson.databind.json.JsonMapper;

/** The rights_fulfilment table: what each module or connected system did for a request. */
@Repository
public class FulfilmentRecords {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	FulfilmentRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A record and what the requester's letter says of it (null when its module gave no text). */
	record Told(FulfilmentRecord record, RequesterText letter) {
	}

	void insert(UUID requestId, String holder, String action, String outcome, int records, String detail, Instant at,
			String actor) {
		insert(requestId, holder, action, outcome, records, detail, null, at, actor);
	}

	void insert(UUID requestId, String holder, String action, String outcome, int records, String detail,
			RequesterText letter, Instant at, String actor) {
		jdbc.sql("""
				insert into rights_fulfilment (id, request_id, holder, action, outcome, records, detail, letter_key,
				letter_args, at, actor)
				values (:id, :request, :holder, :action, :outcome, :records, :detail, :key, :args, :at, :actor)""")
				.param("id", UUID.randomUUID()).param("request", requestId).param("holder", cut(holder, 100))
				.param("action", action).param("outcome", outcome).param("records", records)
				.param("detail", detail == null ? null : cut(detail, 2000))
				.param("key", letter == null ? null : letter.key())
				.param("args", letter == null ? null : json.writeValueAsString(letter.arguments())).param("at", odt(at))
				.param("actor", cut(actor, 200)).update();
	}

	/** The request's records with their texts for the letter, oldest first. */
	List<Told> told(UUID requestId) {
		return jdbc.sql("""
				select holder, action, outcome, records, detail, letter_key, letter_args, at, actor from rights_fulfilment
				where request_id = :id order by at, holder""").param("id", requestId)
				.query((rs, n) -> new Told(record(rs), rs.getString("letter_key") == null ? null
						: new RequesterText(rs.getString("letter_key"), arguments(rs.getString("letter_args")))))
				.list();
	}

	private List<Object> arguments(String stored) {
		return stored == null ? List.of() : List.of(json.readValue(stored, Object[].class));
	}

	private static FulfilmentRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new FulfilmentRecord(rs.getString("holder"), rs.getString("action"), rs.getString("outcome"),
				rs.getInt("records"), rs.getString("detail"), instant(rs, "at"), rs.getString("actor"));
	}

	public List<FulfilmentRecord> of(UUID requestId) {
		return jdbc.sql("""
				select holder, action, outcome, records, detail, at, actor from rights_fulfilment
				where request_id = :id order by at, holder""").param("id", requestId)
				.query((rs, n) -> record(rs)).list();
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
