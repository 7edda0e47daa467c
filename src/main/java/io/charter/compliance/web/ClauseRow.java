package io.charter.compliance.web;

import java.util.List;
import java.util.Set;

import io.charter.shared.control.ControlStatus;

/**
 * One row of the clause table: the clause, its status (the worst of its controls), each control's
 * figure and target, the items exempted apart, and the mapped controls no module reported.
 */
public record ClauseRow(String id, String document, int version, String title, String wording, ControlStatus status,
		List<ControlLine> controls, long exempted, Set<String> missing) {
}
