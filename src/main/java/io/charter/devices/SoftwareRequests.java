package io.charter.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.web.SoftwareRequestView;
import io.charter.platform.Utc;

/** The {@code software_request} table. The requester's name is filled in by the caller, from the directory. */
@Repository
class SoftwareRequests {

	static final String REQUESTED = "requested";
	static final String APPROVED = "approved";
	static final String REFUSED = "refused";

	private final JdbcClient jdbc;

	SoftwareRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID requester, String name, String reason, Instant now) {
		jdbc.sql("""
				insert into software_request (id, requester_id, name, reason, status, created_at)
				values (:id, :requester, :name, :reason, 'requested', :now)""").param("id", id).param("requester", requester)
				.param("name", name).param("reason", reason).param("now", Utc.odt(now)).update();
	}

	/** Whether the open request was decided now (false when unknown or decided already). */
	boolean decide(UUID id, String status, String refusal, String actor, Instant now) {
		return jdbc.sql("""
				update software_request set status = :status, refusal = :refusal, decided_by = :actor, decided_at = :now
				where id = :id and status = 'requested'""").param("id", id).param("status", status).param("refusal", refusal)
				.param("actor", actor).param("now", Utc.odt(now)).update() == 1;
	}

	Optional<SoftwareRequestView> find(UUID id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(SoftwareRequests::map).optional();
	}

	/** Open ones first, newest first. */
	List<SoftwareRequestView> all() {
		return jdbc.sql(SELECT + " order by case when status = 'requested' then 0 else 1 end, created_at desc, id")
				.query(SoftwareRequests::map).list();
	}

	List<SoftwareRequestView> of(UUID requester) {
		return jdbc.sql(SELECT + " where requester_id = :r order by created_at desc, id").param("r", requester)
				.query(SoftwareRequests::map).list();
	}

	/** Unlinks the requester (erasure): the request and its decision stay, as the catalogue's history. */
	int unlink(UUID requester) {
		return jdbc.sql("update software_request set requester_id = null, reason = '' where requester_id = :r")
				.param("r", requester).update();
	}

	private static final String SELECT = """
			select id, requester_id, name, reason, status, created_at, decided_at, refusal from software_request""";

	private static SoftwareRequestView map(ResultSet rs, int row) throws SQLException {
		return new SoftwareRequestView(rs.getObject("id", UUID.class), rs.getObject("requester_id", UUID.class), null,
				rs.getString("name"), rs.getString("reason"), rs.getString("status"), Utc.instant(rs, "created_at"),
				Utc.instant(rs, "decided_at"), rs.getString("refusal"));
	}
}
