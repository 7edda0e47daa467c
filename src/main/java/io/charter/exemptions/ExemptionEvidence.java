package io.charter.exemptions;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.shared.control.EvidenceRows;

/**
 * Clauses S6 and S8's evidence: every exemption that was in force or asked for during a period,
 * one row per decision with its approval (or refusal) text, as the approvers wrote it.
 */
final class ExemptionEvidence {

	private ExemptionEvidence() {
	}

	static EvidenceRows decisions(JdbcClient jdbc, LocalDate from, LocalDate to) {
		List<List<String>> rows = jdbc.sql("""
				select e.id, e.clause, e.check_id, e.subject_kind, e.subject_id, e.starts_on, e.ends_on, e.status,
				  d.outcome, d.text, d.decided_by, d.decided_at
				from exemption e left join exemption_decision d on d.exemption_id = e.id
				where e.starts_on <= :to and e.ends_on >= :from
				order by e.starts_on, e.id, d.decided_at, d.id
				""").param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
				.query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), String.valueOf(rs.getDate(6)), String.valueOf(rs.getDate(7)),
						rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
						rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant().toString()))
				.list();
		return new EvidenceRows(List.of("exemption_id", "clause", "check", "subject_kind", "subject_id", "starts_on",
				"ends_on", "status", "decision", "decision_text", "decided_by", "decided_at"), rows);
	}
}
