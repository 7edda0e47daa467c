package io.charter.policies;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PeopleFilter;
import io.charter.platform.Utc;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;

/**
 * The share of active people who acknowledged the current version of each policy document in force,
 * for the compliance table. The shipped work behaviors serve S6 ("all personnel must read and
 * understand the list of prohibited activities"); a document written in the console serves the
 * clauses written with it.
 *
 * <p>Counted in the database: the active people once, and per document those of them holding an
 * acknowledgement of its current version (one per person and version, by the unique index). The
 * figures are those of the duty's standings (done = acknowledged the last published version), without
 * reading ten thousand people and their acknowledgements into memory.
 */
@Component
class PolicyControls implements ControlReport {

	static final String PREFIX = "policy-acknowledged-";

	private static final Map<String, Set<String>> CLAUSES = Map.of(PolicyDuties.WORK_BEHAVIORS, Set.of("S6"));

	private final PolicyDocuments documents;
	private final PolicyDuties duties;
	private final double target;
	private final JdbcClient jdbc;
	private final Directory directory;
	private final ZoneId zone;

	PolicyControls(PolicyDocuments documents, PolicyDuties duties,
			@Value("${charter.policies.target:0.95}") double target, JdbcClient jdbc, Directory directory,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.documents = documents;
		this.duties = duties;
		this.jdbc = jdbc;
		this.directory = directory;
		this.zone = zone;
		this.target = target;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Control> controls(LocalDate today) {
		Map<PolicyDocuments.Document, Integer> current = documents.duties();
		if (current.isEmpty()) {
			return List.of();
		}
		int active = directory.count(PeopleFilter.active(null));
		List<Control> controls = new ArrayList<>();
		for (Map.Entry<PolicyDocuments.Document, Integer> document : current.entrySet()) {
			PolicyDuty duty = duties.duty(document.getKey());
			String documentId = document.getKey().id();
			int version = document.getValue();
			Set<String> clauses = CLAUSES.getOrDefault(documentId, duty.clauses());
			if (clauses.isEmpty()) {
				continue;
			}
			int met = jdbc.sql("select count(*) from policy_acknowledgement a where a.document_id = :d and a.version = :v and "
					+ Directory.activeCondition("a.person_id")).param("d", documentId).param("v", version).query(Integer.class).single();
			controls.add(Control.share(PREFIX + documentId, duty.titleKey(), clauses, met, active, 0, target,
					"policies.control.acknowledged", "/policies/" + documentId));
		}
		return controls;
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
}
