package io.charter.compliance;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;

/**
 * How a clause stands: the worst of its controls. A clause no control reports on is "not measured",
 * never passing; a failing control shows through one not measured yet, so a gap never hides a
 * failure.
 */
record ClauseStanding(Clause clause, ControlStatus status, List<Control> controls, long exempted) {

	static final List<ControlStatus> WORST_FIRST = List.of(ControlStatus.FAILING, ControlStatus.NOT_MEASURED,
			ControlStatus.ATTENTION, ControlStatus.PASSING);

	/** The clause's controls: those it is mapped to by id and those that name it themselves. */
	static ClauseStanding of(Clause clause, List<Control> reported) {
		List<Control> mine = reported.stream()
				.filter(c -> clause.controls().contains(c.id()) || c.clauses().contains(clause.id()))
				.sorted(Comparator.comparing(Control::id)).toList();
		// A control the clause is mapped to that no report answered counts as not measured.
		boolean gap = clause.controls().stream().anyMatch(id -> mine.stream().noneMatch(c -> c.id().equals(id)));
		ControlStatus status = java.util.stream.Stream.concat(mine.stream().map(Control::status),
				gap ? java.util.stream.Stream.of(ControlStatus.NOT_MEASURED) : java.util.stream.Stream.empty())
				.min(Comparator.comparing(WORST_FIRST::indexOf)).orElse(ControlStatus.NOT_MEASURED);
		return new ClauseStanding(clause, status, mine, mine.stream().mapToLong(Control::exempted).sum());
	}

	/** The ids mapped to the clause that no report answered: shown as gaps, never as passing. */
	Set<String> missing() {
		var reported = controls.stream().map(Control::id).toList();
		return clause.controls().stream().filter(id -> !reported.contains(id))
				.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
	}
}
