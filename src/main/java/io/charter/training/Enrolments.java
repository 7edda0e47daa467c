package io.charter.training;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.people.Directory;

/** The training_enrolment table. */
@Repository
class Enrolments {

	private static final String COLUMNS = "id, session_id, person_id, status, attended, enrolled_at, sequence";

	private final JdbcClient jdbc;

	Enrolments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Enrolment e) {
		jdbc.sql("""
				insert into training_enrolment (id, session_id, person_id, status, attended, enrolled_at, changed_at, sequence)
				values (:id, :session, :person, :status, :attended, :at, :at, :sequence)""")
				.param("id", e.id()).param("session", e.sessionId()).param("person", e.personId())
				.param("status", e.status().name()).param("attended", e.attended()).param("at", odt(e.enrolledAt()))
				.param("sequence", e.sequence()).update();
	}

	/** A new state; a person back on the list (enrolled again, or waiting) queues from {@code enrolledAt}. */
	void change(UUID id, Enrolment.Status status, Instant enrolledAt, int sequence, Instant now) {
		jdbc.sql("""
				update training_enrolment set status = :status, enrolled_at = :enrolled, sequence = :sequence, changed_at = :now
				where id = :id""").param("id", id).param("status", status.name()).param("enrolled", odt(enrolledAt))
				.param("sequence", sequence).param("now", odt(now)).update();
	}

	void markAttended(UUID id, boolean attended, Instant now) {
		jdbc.sql("update training_enrolment set attended = :attended, changed_at = :now where id = :id").param("id", id)
				.param("attended", attended).param("now", odt(now)).update();
	}

	Optional<Enrolment> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from training_enrolment where id = :id").param("id", id).query(this::map)
				.optional();
	}

	Optional<Enrolment> of(UUID sessionId, UUID personId) {
		return jdbc.sql("select " + COLUMNS + " from training_enrolment where session_id = :session and person_id = :person")
				.param("session", sessionId).param("person", personId).query(this::map).optional();
	}

	/** Everyone listed for the session, cancelled ones too, in the order they enrolled. */
	List<Enrolment> ofSession(UUID sessionId) {
		return jdbc.sql("select " + COLUMNS + " from training_enrolment where session_id = :session order by enrolled_at, id")
				.param("session", sessionId).query(this::map).list();
	}

	List<Enrolment> ofPerson(UUID personId) {
		return jdbc.sql("select " + COLUMNS + " from training_enrolment where person_id = :person order by enrolled_at")
				.param("person", personId).query(this::map).list();
	}

	int enrolled(UUID sessionId) {
		return jdbc.sql("select count(*) from training_enrolment where session_id = :session and status = 'ENROLLED'")
				.param("session", sessionId).query(Integer.class).single();
	}

	/** Places taken per session, for listings. */
	Map<UUID, Integer> enrolledPerSession(Collection<UUID> sessionIds) {
		Map<UUID, Integer> counts = new HashMap<>();
		if (!sessionIds.isEmpty()) {
			jdbc.sql("""
					select session_id, count(*) as n from training_enrolment where session_id in (:ids) and status = 'ENROLLED'
					group by session_id""").param("ids", sessionIds)
					.query((rs, n) -> counts.put(rs.getObject("session_id", UUID.class), rs.getInt("n"))).list();
		}
		return counts;
	}

	/** The first on the waiting list, or empty. */
	Optional<Enrolment> firstWaiting(UUID sessionId) {
		return jdbc.sql("select " + COLUMNS + " from training_enrolment where session_id = :session and status = 'WAITING'"
				+ " order by enrolled_at, id limit 1").param("session", sessionId).query(this::map).optional();
	}

	/**
	 * The day each of these people last attended a session (in the organisation's time zone), in one
	 * query per thousand people; people who never attended are absent.
	 */
	Map<UUID, LocalDate> lastAttended(Collection<UUID> people, ZoneId zone) {
		Map<UUID, LocalDate> last = new HashMap<>();
		List<UUID> all = List.copyOf(people);
		for (int from = 0; from < all.size(); from += 1000) {
			jdbc.sql("""
					select e.person_id, max(s.starts_at) as last from training_enrolment e
					join training_session s on s.id = e.session_id
					where e.attended = true and e.person_id in (:people) group by e.person_id""")
					.param("people", all.subList(from, Math.min(all.size(), from + 1000)))
					.query((rs, n) -> last.put(rs.getObject("person_id", UUID.class),
							instant(rs, "last").atZone(zone).toLocalDate())).list();
		}
		return last;
	}

	/**
	 * How many people in a duty's scope on this day ({@link Directory#activeOnCondition}) attended a
	 * session starting at or after this instant: counted in the database, the directory never read.
	 */
	int attendedSince(Instant since, LocalDate day) {
		return jdbc.sql("""
				select count(*) from (select distinct e.person_id from training_enrolment e
				  join training_session s on s.id = e.session_id
				  where e.attended = true and e.person_id is not null and s.starts_at >= :since) a
				where\s""" + Directory.activeOnCondition("a.person_id", "day")).param("since", odt(since)).param("day", day)
				.query(Integer.class).single();
	}

	/** People holding a place in a session (not cancelled) that starts after this instant. */
	java.util.Set<UUID> placedFrom(Instant from) {
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct e.person_id from training_enrolment e join training_session s on s.id = e.session_id
				where e.status = 'ENROLLED' and s.status = 'SCHEDULED' and s.starts_at > :from and e.person_id is not null""")
				.param("from", odt(from)).query(UUID.class).list());
	}

	/** Keeps the rows (the sessions' counts) without the person. */
	int anonymise(UUID personId, Instant now) {
		return jdbc.sql("update training_enrolment set person_id = null, changed_at = :now where person_id = :person")
				.param("person", personId).param("now", odt(now)).update();
	}

	private Enrolment map(ResultSet rs, int row) throws SQLException {
		return new Enrolment(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
				rs.getObject("person_id", UUID.class), Enrolment.Status.valueOf(rs.getString("status")),
				rs.getBoolean("attended"), instant(rs, "enrolled_at"), rs.getInt("sequence"));
	}
}
