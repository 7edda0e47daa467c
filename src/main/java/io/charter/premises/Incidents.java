package io.charter.premises;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The premises_incident table. */
@Repository
class Incidents {

	private static final String COLUMNS = """
			id, kind, place, occurred_at, description, device_ref, device_id, reporter_id, status, reported_at,
			acknowledged_at, resolved_at, outcome""";

	private final JdbcClient jdbc;

	Incidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Incident i) {
		jdbc.sql("insert into premises_incident (" + COLUMNS + ") values (:id, :kind, :place, :occurred, :description,"
				+ " :device, :deviceId, :reporter, :status, :reported, :acknowledged, :resolved, :outcome)")
				.param("id", i.id()).param("kind", i.kind().name()).param("place", i.place())
				.param("occurred", odt(i.occurredAt())).param("description", i.description())
				.param("device", i.deviceRef()).param("deviceId", i.deviceId()).param("reporter", i.reporterId())
				.param("status", i.status().name())
				.param("reported", odt(i.reportedAt())).param("acknowledged", odt(i.acknowledgedAt()))
				.param("resolved", odt(i.resolvedAt())).param("outcome", i.outcome()).update();
	}

	void updateStatus(Incident i) {
		jdbc.sql("""
				update premises_incident set status = :status, acknowledged_at = :acknowledged, resolved_at = :resolved,
				  outcome = :outcome where id = :id""").param("id", i.id()).param("status", i.status().name())
				.param("acknowledged", odt(i.acknowledgedAt())).param("resolved", odt(i.resolvedAt()))
				.param("outcome", i.outcome()).update();
	}

	Optional<Incident> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from premises_incident where id = :id").param("id", id)
				.query(this::map).optional();
	}

	/** Open reports first, then the latest resolved ones. */
	List<Incident> latest(int limit) {
		return jdbc.sql("select " + COLUMNS + " from premises_incident order by case when status = 'RESOLVED' then 1"
				+ " else 0 end, reported_at desc limit :limit").param("limit", limit).query(this::map).list();
	}

	/** Reports not yet resolved. */
	int open() {
		return jdbc.sql("select count(*) from premises_incident where status <> 'RESOLVED'").query(Integer.class).single();
	}

	/** The acknowledged reports since this instant, for the median time to acknowledge. */
	List<Incident> acknowledgedSince(java.time.Instant since) {
		return jdbc.sql("select " + COLUMNS + " from premises_incident where acknowledged_at is not null"
				+ " and reported_at >= :since").param("since", odt(since)).query(this::map).list();
	}

	List<Incident> ofReporter(UUID reporter) {
		return jdbc.sql("select " + COLUMNS + " from premises_incident where reporter_id = :r order by reported_at")
				.param("r", reporter).query(this::map).list();
	}

	/** Takes the reporter off their reports; the reports stay for the security team's record. */
	int anonymise(UUID reporter) {
		return jdbc.sql("update premises_incident set reporter_id = null where reporter_id = :r").param("r", reporter)
				.update();
	}

	private Incident map(ResultSet rs, int row) throws SQLException {
		return new Incident(rs.getObject("id", UUID.class), Incident.Kind.valueOf(rs.getString("kind")),
				rs.getString("place"), instant(rs, "occurred_at"), rs.getString("description"), rs.getString("device_ref"),
				rs.getObject("device_id", UUID.class), rs.getObject("reporter_id", UUID.class),
				Incident.Status.valueOf(rs.getString("status")),
				instant(rs, "reported_at"), instant(rs, "acknowledged_at"), instant(rs, "resolved_at"),
				rs.getString("outcome"));
	}
}
