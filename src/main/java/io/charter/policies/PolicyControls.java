package io.charter.policies;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;

/**
 * The share of active people who acknowledged the current version of each policy document, for the
 * compliance table. The shipped work behaviors serve S6 ("all personnel must read and understand the
 * list of prohibited activities"); another document serves the clauses its text marks.
 */
@Component
class PolicyControls implements ControlReport {

	private static final Map<String, Set<String>> CLAUSES = Map.of(PolicyDuties.WORK_BEHAVIORS, Set.of("S6"));

	private final List<PolicyDuty> duties;
	private final Directory directory;
	private final double target;

	PolicyControls(List<Duty> duties, Directory directory, @Value("${charter.policies.target:0.95}") double target) {
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

	private Control control(PolicyDuty duty, List<UUID> people, LocalDate today) {
		String documentId = duty.id().substring("policy-".length());
		Set<String> clauses = CLAUSES.getOrDefault(documentId, duty.clauses());
		if (clauses.isEmpty()) {
			return null;
		}
		Map<UUID, Duty.Standing> standings = duty.standings(people, today);
		long met = standings.values().stream().filter(s -> s.state() == Duty.State.DONE).count();
		return Control.share("policy-acknowledged-" + documentId, duty.titleKey(), clauses, met,
				standings.size(), 0, target, "policies.control.acknowledged", "/policies/" + documentId);
	}
}
