package io.charter.policies;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;
import io.charter.shared.control.Control;
import io.charter.platform.Utc;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;

/**
 * The share of active people who acknowledged the current version of each policy document, for the
 * compliance table. The shipped work behaviors serve S6 ("all personnel must read and understand the
 * list of prohibited activities"); another document serves the clauses its text marks.
 */
@Component
class PolicyControls implements ControlReport {

	static final String PREFIX = "policy-acknowledged-";

	private static final Map<String, Set<String>> CLAUSES = Map.of(PolicyDuties.WORK_BEHAVIORS, Set.of("S6"));

	private final List<PolicyDuty> duties;
	private final Directory directory;
	private final double target;
	private final JdbcClient jdbc;
	private final ZoneId zone;

	PolicyControls(List<Duty> duties, Directory directory, @Value("${charter.policies.target:0.95}") double target,
			JdbcClient jdbc, @Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.duties = duties.stream().filter(PolicyDuty.class::isInstance).map(PolicyDuty.class::cast).toList();
		this.directory = directory;
		this.target = target;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Control> controls(LocalDate today) {
		List<UUID> people = directory.active(null).stream().map(PersonSummary::id).toList();
		return duties.stream().map(duty -> control(duty, people, today)).filter(c -> c != null).toList();
	}

	/**
	 * A document's acknowledgements within the period: who (person id, as training's evidence) acknowledged
	 * which version when, with the SHA-256 of the text they saw.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<EvidenceRows> evidence(String controlId, LocalDate from, LocalDate to) {
		if (!controlId.startsWith(PREFIX)) {
			return Optional.empty();
		}
		List<List<String>> rows = jdbc.sql("""
				select acknowledged_at, version, text_sha256, person_id from policy_acknowledgement
				where document_id = :document and acknowledged_at >= :from and acknowledged_at < :to
				order by acknowledged_at, person_id""").param("document", controlId.substring(PREFIX.length()))
				.param("from", Utc.odt(from.atStartOfDay(zone).toInstant()))
				.param("to", Utc.odt(to.plusDays(1).atStartOfDay(zone).toInstant()))
				.query((rs, n) -> List.of(Utc.instant(rs, 1).toString(), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
		return Optional.of(new EvidenceRows(List.of("acknowledged_at", "version", "text_sha256", "person_id"), rows));
	}

	private Control control(PolicyDuty duty, List<UUID> people, LocalDate today) {
		String documentId = duty.id().substring("policy-".length());
		Set<String> clauses = CLAUSES.getOrDefault(documentId, duty.clauses());
		if (clauses.isEmpty()) {
			return null;
		}
		Map<UUID, Duty.Standing> standings = duty.standings(people, today);
		long met = standings.values().stream().filter(s -> s.state() == Duty.State.DONE).count();
		return Control.share(PREFIX + documentId, duty.titleKey(), clauses, met,
				standings.size(), 0, target, "policies.control.acknowledged", "/policies/" + documentId);
	}
}
