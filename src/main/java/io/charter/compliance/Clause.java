package io.charter.compliance;

import java.time.Instant;
import java.util.Set;

/**
 * A clause of the policy as it reads in its current version: its words and the controls it is
 * mapped to by id. A retired clause keeps its versions but leaves the table.
 */
record Clause(String id, String document, int order, int version, String title, String wording,
		Set<String> controls, Instant retiredAt) {

	Clause {
		controls = Set.copyOf(controls);
	}

	boolean retired() {
		return retiredAt != null;
	}
}
