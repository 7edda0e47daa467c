package io.charter.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;

/**
 * Every module's controls of the day, asked so that one report failing costs only its own controls:
 * the table is where an auditor looks when something is wrong, so it must not fail with it. A failure
 * is logged once per report until it answers again, by class and exception type only (its message
 * may quote data), and the table says that a source did not answer.
 */
@Component
class ControlReports {

	private static final Logger log = LoggerFactory.getLogger(ControlReports.class);

	private final ObjectProvider<ControlReport> reports;
	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	ControlReports(ObjectProvider<ControlReport> reports) {
		this.reports = reports;
	}

	/** What the reports said on a day, and how many of them failed to say anything. */
	record Reading(List<Control> controls, int failedReports) {
	}

	Reading read(LocalDate day) {
		List<Control> controls = new ArrayList<>();
		int failed = 0;
		for (ControlReport report : reports.orderedStream().toList()) {
			String name = report.getClass().getName();
			try {
				controls.addAll(report.controls(day));
				failing.remove(name);
			}
			catch (RuntimeException e) {
				failed++;
				if (failing.add(name)) {
					log.warn("The control report {} failed ({}); the others are shown", name, e.getClass().getName());
				}
			}
		}
		return new Reading(List.copyOf(controls), failed);
	}

	/**
	 * Each control's evidence rows over a period, from the report that runs it; a report that fails
	 * or offers none leaves its controls out (the package's clause table still lists them).
	 */
	java.util.Map<String, io.charter.shared.control.EvidenceRows> evidence(List<Control> controls, LocalDate from,
			LocalDate to) {
		java.util.Map<String, io.charter.shared.control.EvidenceRows> rows = new java.util.TreeMap<>();
		for (ControlReport report : reports.orderedStream().toList()) {
			for (Control c : controls) {
				if (rows.containsKey(c.id())) {
					continue;
				}
				try {
					report.evidence(c.id(), from, to).ifPresent(r -> rows.put(c.id(), r));
				}
				catch (RuntimeException e) {
					log.warn("The control report {} failed to give evidence ({})", report.getClass().getName(),
							e.getClass().getName());
				}
			}
		}
		return rows;
	}
}
