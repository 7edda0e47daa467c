package io.charter.training;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The training_session table. */
@Repository
class Sessions {

	private static final String COLUMNS = """
			id, title, starts_at, ends_at, place, online_link, capacity, trainer, language, status, sequence""";

	private final JdbcClient jdbc;

	Sessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Session s, Instant now) {
		jdbc.sql("insert into training_session (" + COLUMNS + ", created_at) values (:id, :title, :starts, :ends, :place,"
				+ " :link, :capacity, :trainer, :language, :status, :sequence, :now)")
				.param("id", s.id()).param("now", odt(now)).params(values(s)).update();
	}

	void update(Session s) {
		jdbc.sql("""
				update training_session set title = :title, starts_at = :starts, ends_at = :ends, place = :place,
				  online_link = :link, capacity = :capacity, trainer = :trainer, language = :language, status = :status,
				  sequence = :sequence
				where id = :id""").param("id", s.id()).params(values(s)).update();
	}

	private static java.util.Map<String, Object> values(Session s) {
		java.util.Map<String, Object> v = new java.util.HashMap<>();
		v.put("title", s.title());
		v.put("starts", odt(s.startsAt()));
		v.put("ends", odt(s.endsAt()));
		v.put("place", s.place());
		v.put("link", s.onlineLink());
		v.put("capacity", s.capacity());
		v.put("trainer", s.trainer());
		v.put("language", s.language());
		v.put("status", s.status().name());
		v.put("sequence", s.sequence());
		return v;
	}

	Optional<Session> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from training_session where id = :id").param("id", id).query(this::map)
				.optional();
	}

	/**
	 * The session, its row locked until the transaction ends: enrolments and cancellations of one
	 * session take turns, so two people never get the same last place.
	 */
	Optional<Session> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from training_session where id = :id for update").param("id", id)
				.query(this::map).optional();
	}

	/** Sessions starting from this instant, soonest first; cancelled ones too unless asked otherwise. */
	List<Session> upcoming(Instant from, boolean withCancelled) {
		return jdbc.sql("select " + COLUMNS + " from training_session where starts_at >= :from"
				+ (withCancelled ? "" : " and status = 'SCHEDULED'") + " order by starts_at")
				.param("from", odt(from)).query(this::map).list();
	}

	/** Sessions that started before this instant, latest first. */
	List<Session> past(Instant before, int limit) {
		return jdbc.sql("select " + COLUMNS + " from training_session where starts_at < :before order by starts_at desc"
				+ " limit :limit").param("before", odt(before)).param("limit", limit).query(this::map).list();
	}

	/** Scheduled (not cancelled) sessions starting in [from, to). */
	int scheduledBetween(Instant from, Instant to) {
		return jdbc.sql("""
				select count(*) from training_session where status = 'SCHEDULED' and starts_at >= :from and starts_at < :to""")
				.param("from", odt(from)).param("to", odt(to)).query(Integer.class).single();
	}

	private Session map(ResultSet rs, int row) throws SQLException {
		return new Session(rs.getObject("id", UUID.class), rs.getString("title"), instant(rs, "starts_at"),
				instant(rs, "ends_at"), rs.getString("place"), rs.getString("online_link"), rs.getInt("capacity"),
				rs.getString("trainer"), rs.getString("language"), Session.Status.valueOf(rs.getString("status")),
				rs.getInt("sequence"));
	}
}
