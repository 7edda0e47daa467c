package io.charter.compliance;

import java.time.Instant;
import java.util.Set;

/** One version of a clause: what was written or changed, when and by whom. */
record ClauseVersion(String clauseId, int version, String title, String wording, Set<String> controls,
		Change change, Instant changedAt, String changedBy) {

	enum Change {
		ADDED, REWORDED, RETIRED
	}

	ClauseVersion {
		controls = Set.copyOf(controls);
	}
}
