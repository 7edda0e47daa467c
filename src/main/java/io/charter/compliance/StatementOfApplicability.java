package io.charter.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.charter.compliance.web.ClauseRow;
import io.charter.compliance.web.ControlLine;
import io.charter.platform.SpreadsheetCsv;

/**
 * The Statement of Applicability drawn from the clauses' mapping: one row per Annex A control, in the
 * standard's order. A control a live clause maps to applies, justified by those clauses; one no clause
 * names is "not assessed", never "no", because the policy's silence is not a decision that it does
 * not apply. Written in English, like the evidence package, for the auditor.
 */
final class StatementOfApplicability {

	static final List<String> HEADER = List.of("control", "title", "applicable", "justification", "clauses",
			"charter_controls", "status");

	private StatementOfApplicability() {
	}

	static String csv(List<FrameworkMappings.AnnexControl> annex, Map<String, FrameworkMappings.Mapping> mappings,
			List<ClauseRow> live) {
		StringBuilder out = new StringBuilder();
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		try {
			csv.row(HEADER);
			for (FrameworkMappings.AnnexControl control : annex) {
				List<ClauseRow> serving = live.stream()
						.filter(r -> mappings.getOrDefault(r.id(), FrameworkMappings.Mapping.NONE).annex().contains(control.id()))
						.toList();
				csv.row(row(control, serving));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static List<String> row(FrameworkMappings.AnnexControl control, List<ClauseRow> serving) {
		if (serving.isEmpty()) {
			return List.of(control.id(), control.title(), "not assessed",
					"No clause of the policy maps to this control yet: assess whether it applies", "", "", "");
		}
		Set<String> charter = new LinkedHashSet<>();
		List<String> status = new ArrayList<>();
		for (ClauseRow clause : serving) {
			clause.controls().stream().map(ControlLine::id).forEach(charter::add);
			charter.addAll(clause.missing());
			status.add(clause.id() + " " + word(clause.status().name()));
			clause.controls().forEach(c -> status.add(c.id() + " " + word(c.status().name())));
			clause.missing().forEach(c -> status.add(c + " not reported"));
		}
		return List.of(control.id(), control.title(), "yes",
				"Required by the policy: " + serving.stream().map(r -> r.id() + " " + r.title())
						.collect(Collectors.joining("; ")),
				serving.stream().map(ClauseRow::id).collect(Collectors.joining(", ")), String.join(", ", charter),
				String.join("; ", status));
	}

	private static String word(String status) {
		return status.toLowerCase(Locale.ROOT).replace('_', ' ');
	}
}
