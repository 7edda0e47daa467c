package io.charter.exemptions;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.shared.exemption.ExemptionSubject;

/** The exemption table. */
@Repository
class Exemptions {

	private static final String COLUMNS = """
			id, clause, check_id, subject_kind, subject_id, person_id, reason, compensating, starts_on, ends_on, status,
			approvals_needed, renews, requested_by, requested_at, ended_reason, ended_by, ended_at""";

	private final JdbcClient jdbc;

	Exemptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Exemption e) {
		Map<String, Object> v = new HashMap<>();
		v.put("id", e.id());
		v.put("clause", e.clause());
		v.put("check", e.check());
		v.put("kind", e.subject().kind().name());
		v.put("subject", e.subject().id());
		v.put("person", e.personId());
		v.put("reason", e.reason());
		v.put("compensating", e.compensating());
		v.put("starts", Date.valueOf(e.startsOn()));
		v.put("ends", Date.valueOf(e.endsOn()));
		v.put("status", e.status().name());
		v.put("needed", e.approvalsNeeded());
		v.put("renews", e.renews());
		v.put("by", e.requestedBy());
		v.put("at", odt(e.requestedAt()));
		jdbc.sql("insert into exemption (" + COLUMNS + ") values (:id, :clause, :check, :kind, :subject, :person,"
				+ " :reason, :compensating, :starts, :ends, :status, :needed, :renews, :by, :at, null, null, null)")
				.params(v).update();
	}

	/** The status after an approval that still waits for a second approver, or that puts it in force. */
	void status(UUID id, Exemption.Status status) {
		jdbc.sql("update exemption set status = :status where id = :id").param("status", status.name())
				.param("id", id).update();
	}

	/** Closes an exemption with its reason: refused, revoked, expired or ended. */
	void close(Exemption e) {
		jdbc.sql("""
				update exemption set status = :status, ended_reason = :reason, ended_by = :by, ended_at = :at
				where id = :id""").param("status", e.status().name()).param("reason", e.endedReason())
				.param("by", e.endedBy()).param("at", odt(e.endedAt())).param("id", e.id()).update();
	}

	Optional<Exemption> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from exemption where id = :id").param("id", id).query(this::map)
				.optional();
	}

	/** The row locked for a decision, so two approvers at once decide one after the other. */
	Optional<Exemption> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from exemption where id = :id for update").param("id", id)
				.query(this::map).optional();
	}

	/** Approved and covering this day: the one query behind the look-up. */
	List<Exemption> inForce(LocalDate day) {
		return jdbc.sql("select " + COLUMNS + " " + """
				 from exemption where status = 'APPROVED' and starts_on <= :day and ends_on >= :day""")
				.param("day", Date.valueOf(day)).query(this::map).list();
	}

	/** Approved ones whose last day has passed. */
	List<Exemption> approvedEndedBefore(LocalDate day) {
		return jdbc.sql("select " + COLUMNS + " from exemption where status = 'APPROVED' and ends_on < :day")
				.param("day", Date.valueOf(day)).query(this::map).list();
	}

	/** Approved ones whose last day falls from {@code from} to {@code to}. */
	List<Exemption> approvedEnding(LocalDate from, LocalDate to) {
		return jdbc.sql("select " + COLUMNS + " " + """
				 from exemption where status = 'APPROVED' and ends_on >= :from and ends_on <= :to order by ends_on""")
				.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(this::map).list();
	}

	/** The pending and approved exemptions of one subject. */
	List<Exemption> openOf(ExemptionSubject subject) {
		return jdbc.sql("select " + COLUMNS + " " + """
				 from exemption where subject_kind = :kind and subject_id = :id and status in ('PENDING', 'APPROVED')""")
				.param("kind", subject.kind().name()).param("id", subject.id()).query(this::map).list();
	}

	List<Exemption> ofPerson(UUID personId) {
		return jdbc.sql("select " + COLUMNS + " from exemption where person_id = :person order by requested_at desc")
				.param("person", personId).query(this::map).list();
	}

	/** Every exemption in a status (all when null), newest first. */
	List<Exemption> all(Exemption.Status status, String clause, int limit) {
		return jdbc.sql("select " + COLUMNS + " " + """
				 from exemption where (cast(:status as varchar(16)) is null or status = :status) and (cast(:clause as varchar(8)) is null or clause = :clause)
				 order by requested_at desc limit :limit""")
				.param("status", status == null ? null : status.name()).param("clause", clause).param("limit", limit)
				.query(this::map).list();
	}

	/** How many exemptions are in each status. */
	Map<Exemption.Status, Integer> counts() {
		Map<Exemption.Status, Integer> counts = new HashMap<>();
		jdbc.sql("select status, count(*) from exemption group by status")
				.query((rs, n) -> counts.put(Exemption.Status.valueOf(rs.getString(1)), rs.getInt(2))).list();
		return counts;
	}

	/**
	 * Takes the person off their exemptions for an erasure: who asked and the free text go, the rows
	 * and their decisions stay as evidence of what was consented (the directory keeps the anonymised
	 * person's id, so a subject stays a bare id).
	 */
	int anonymise(UUID personId) {
		return jdbc.sql("""
				update exemption set person_id = null, reason = '-', compensating = null
				where person_id = :person""").param("person", personId).update();
	}

	private Exemption map(ResultSet rs, int n) throws SQLException {
		ExemptionSubject subject = new ExemptionSubject(ExemptionSubject.Kind.valueOf(rs.getString("subject_kind")),
				rs.getObject("subject_id", UUID.class));
		Instant endedAt = instant(rs, "ended_at");
		return new Exemption(rs.getObject("id", UUID.class), rs.getString("clause"), rs.getString("check_id"), subject,
				rs.getObject("person_id", UUID.class), rs.getString("reason"), rs.getString("compensating"),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
				Exemption.Status.valueOf(rs.getString("status")), rs.getInt("approvals_needed"),
				rs.getObject("renews", UUID.class), rs.getString("requested_by"), instant(rs, "requested_at"),
				rs.getString("ended_reason"), rs.getString("ended_by"), endedAt);
	}
}
