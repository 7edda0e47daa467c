package io.charter.exemptions;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;

/**
 * Clauses S6 and S8 for the compliance table, in one query: the exemptions in force (each carries a
 * written approval by construction) and how many end within 30 days; the requests waiting for a
 * decision, which need attention until the security team decides.
 */
@Component
class ExemptionControls implements ControlReport {

	private final JdbcClient jdbc;

	ExemptionControls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Figures(long inForce, long endingSoon, long pending) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<Control> controls(LocalDate today) {
		Figures f = figures(today);
		return List.of(
				new Control("exemptions-in-force", "exemptions.control.in-force", Set.of("S6", "S8"),
						ControlStatus.PASSING, f.inForce(), f.inForce(), 0, null, "exemptions.control.in-force-figure",
						List.of(f.endingSoon()), ExemptionMessages.QUEUE_PATH + "?view=active"),
				new Control("exemptions-pending", "exemptions.control.pending", Set.of("S8"),
						f.pending() == 0 ? ControlStatus.PASSING : ControlStatus.ATTENTION, 0, 0, 0, null,
						"exemptions.control.pending-figure", List.of(f.pending()),
						ExemptionMessages.QUEUE_PATH + "?view=pending"));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<io.charter.shared.control.EvidenceRows> evidence(String controlId, LocalDate from,
			LocalDate to) {
		return controlId.equals("exemptions-in-force")
				? java.util.Optional.of(ExemptionEvidence.decisions(jdbc, from, to))
				: java.util.Optional.empty();
	}

	Figures figures(LocalDate today) {
		return jdbc.sql("""
				select
				  coalesce(sum(case when status = 'APPROVED' and starts_on <= :today and ends_on >= :today then 1 else 0 end), 0),
				  coalesce(sum(case when status = 'APPROVED' and ends_on >= :today and ends_on <= :soon then 1 else 0 end), 0),
				  coalesce(sum(case when status = 'PENDING' then 1 else 0 end), 0)
				from exemption""").param("today", Date.valueOf(today))
				.param("soon", Date.valueOf(today.plusDays(ExemptionQueries.SOON_DAYS)))
				.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}
}
