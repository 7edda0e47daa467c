package io.charter.training;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.shared.control.EvidenceRows;

/** Clause S1's evidence: who attended which session when, over a period (attendance as recorded). */
final class TrainingEvidence {

	private TrainingEvidence() {
	}

	static EvidenceRows attended(JdbcClient jdbc, ZoneId zone, LocalDate from, LocalDate to) {
		List<List<String>> rows = jdbc.sql("""
				select s.starts_at, s.id, s.title, e.person_id from training_enrolment e
				join training_session s on s.id = e.session_id
				where e.attended = true and e.person_id is not null and s.starts_at >= :from and s.starts_at < :to
				order by s.starts_at, s.id, e.person_id
				""").param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
				.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
				.query((rs, n) -> List.of(rs.getTimestamp(1).toInstant().toString(), rs.getString(2), rs.getString(3),
						rs.getString(4)))
				.list();
		return new EvidenceRows(List.of("session_starts_at", "session_id", "session_title", "person_id"), rows);
	}

	static EvidenceRows sessions(JdbcClient jdbc, ZoneId zone, LocalDate from, LocalDate to) {
		List<List<String>> rows = jdbc.sql("""
				select starts_at, id, title, status from training_session
				where starts_at >= :from and starts_at < :to order by starts_at, id
				""").param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
				.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
				.query((rs, n) -> List.of(rs.getTimestamp(1).toInstant().toString(), rs.getString(2), rs.getString(3),
						rs.getString(4)))
				.list();
		return new EvidenceRows(List.of("starts_at", "session_id", "title", "status"), rows);
	}
}
