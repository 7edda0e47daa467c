package io.charter.compliance.web;

import java.time.Instant;
import java.util.List;

/** One version of a clause in its history: the change (added, reworded, retired), when, by whom. */
public record VersionRow(int version, String change, Instant changedAt, String changedBy, String title,
		List<String> controls) {
}
