package io.charter.compliance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;

/** The daily figures of every control, kept for the trend and the evidence. */
@Repository
class Snapshots {

	/** One control's figure on one day. */
	record Point(LocalDate day, String controlId, Set<String> clauses, ControlStatus status, long met, long of,
			long exempted) {
	}

	private final JdbcClient jdbc;

	Snapshots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the day's figure of each control not yet kept for that day; another instance that took
	 * the same day first wins, and its figures stay. Each insert commits alone (no transaction), so
	 * a refused one leaves the others.
	 *
	 * @return how many figures were kept now
	 */
	int keep(LocalDate day, List<Control> controls) {
		int kept = 0;
		for (Control c : controls) {
			try {
				kept += jdbc.sql("""
						insert into compliance_snapshot (taken_on, control_id, clauses, status, met, of_items, exempted)
						values (:day, :id, :clauses, :status, :met, :of, :exempted)
						""").param("day", Date.valueOf(day)).param("id", c.id())
						.param("clauses", String.join(",", new TreeSet<>(c.clauses()))).param("status", c.status().name())
						.param("met", c.met()).param("of", c.of()).param("exempted", c.exempted()).update();
			}
			catch (DuplicateKeyException raced) {
				// Kept already that day, by another instance or an earlier run.
			}
		}
		return kept;
	}

	/** Every figure kept from {@code from} to {@code to}, both included, by day. */
	List<Point> between(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select taken_on, control_id, clauses, status, met, of_items, exempted from compliance_snapshot
				where taken_on between :from and :to order by taken_on, control_id
				""").param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
				.query((rs, n) -> new Point(rs.getDate("taken_on").toLocalDate(), rs.getString("control_id"),
						Set.of(rs.getString("clauses").split(",")), ControlStatus.valueOf(rs.getString("status")),
						rs.getLong("met"), rs.getLong("of_items"), rs.getLong("exempted")))
				.list();
	}
}
