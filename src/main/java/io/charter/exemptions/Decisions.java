package io.charter.exemptions;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The exemption_decision table: insert and read, nothing else. There is deliberately no update or
 * delete here, so a written approval cannot be edited through Charter; a correction is a new
 * decision.
 */
@Repository
class Decisions {

	private final JdbcClient jdbc;

	Decisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Decision d) {
		jdbc.sql("""
				insert into exemption_decision (id, exemption_id, outcome, text, decided_by, decided_at)
				values (:id, :exemption, :outcome, :text, :by, :at)""").param("id", d.id())
				.param("exemption", d.exemptionId()).param("outcome", d.outcome().name()).param("text", d.text())
				.param("by", d.decidedBy()).param("at", odt(d.decidedAt())).update();
	}

	/** One exemption's decisions, oldest first. */
	List<Decision> of(UUID exemptionId) {
		return jdbc.sql("""
				select id, exemption_id, outcome, text, decided_by, decided_at from exemption_decision
				where exemption_id = :id order by decided_at, id""").param("id", exemptionId)
				.query((rs, n) -> new Decision(rs.getObject("id", UUID.class), rs.getObject("exemption_id", UUID.class),
						Decision.Outcome.valueOf(rs.getString("outcome")), rs.getString("text"),
						rs.getString("decided_by"), instant(rs, "decided_at")))
				.list();
	}
}
