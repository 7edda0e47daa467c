package io.charter.shared.control;

import java.util.List;

/**
 * The items behind a control over a period, as rows of text for the auditor's evidence package
 * (written as CSV): "who was trained when", "which exemption was approved with which words".
 * Ordered by the reporting module so the same records give the same rows.
 */
public record EvidenceRows(List<String> header, List<List<String>> rows) {

	public EvidenceRows {
		header = List.copyOf(header);
		rows = rows.stream().map(r -> r.stream().map(v -> v == null ? "" : v).toList()).toList();
	}
}
