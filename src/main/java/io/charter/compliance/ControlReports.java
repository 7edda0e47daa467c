package io.charter.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;

/**
 * Every module's controls of the day, asked so that one report failing costs only its own controls:
 * the table is where an auditor looks when something is wrong, so it must not fail with it. A failure
 * is logged once per report until it answers again, by class and exception type only (its message
 * may quote data), and the table says that a source did not answer.
 * <p>
 * The reports do not depend on one another, so they are asked side by side on a small pool of its own
 * (two threads: the machine a page waits on has few cores, and a report mostly waits on the database):
 * the table then takes as long as its slowest report rather than all of them together. Each report
 * still fails alone, and the controls keep the reports' order.
 */
@Component
class ControlReports implements DisposableBean {

	/** Threads asking reports at once, over all requests: bounded so a burst of pages cannot take every connection. */
	static final int PARALLEL = 2;

	private static final Logger log = LoggerFactory.getLogger(ControlReports.class);

	private final ObjectProvider<ControlReport> reports;
	private final Set<String> failing = ConcurrentHashMap.newKeySet();
	private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, daemonThreads());

	ControlReports(ObjectProvider<ControlReport> reports) {
		this.reports = reports;
	}

	/** Daemon threads named for a thread dump. */
	private static CustomizableThreadFactory daemonThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("control-reports-");
		threads.setDaemon(true);
		return threads;
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

	/** What the reports said on a day, and how many of them failed to say anything. */
	record Reading(List<Control> controls, int failedReports) {
	}

	Reading read(LocalDate day) {
		List<CompletableFuture<List<Control>>> answers = reports.orderedStream()
				.map(report -> CompletableFuture.supplyAsync(() -> ask(report, day), pool)).toList();
		List<Control> controls = new ArrayList<>();
		int failed = 0;
		for (CompletableFuture<List<Control>> answer : answers) {
			List<Control> said = join(answer);
			if (said == null) {
				failed++;
			}
			else {
				controls.addAll(said);
			}
		}
		return new Reading(List.copyOf(controls), failed);
	}

	/** One report's controls, or null when it failed (logged once until it answers again). */
	private List<Control> ask(ControlReport report, LocalDate day) {
		String name = report.getClass().getName();
		try {
			List<Control> controls = report.controls(day);
			failing.remove(name);
			return controls;
		}
		catch (RuntimeException e) {
			if (failing.add(name)) {
				log.warn("The control report {} failed ({}); the others are shown", name, e.getClass().getName());
			}
			return null;
		}
	}

	/** The answer of one report; an error (not an exception) stays what it was when asked in the caller's thread. */
	private static List<Control> join(CompletableFuture<List<Control>> answer) {
		try {
			return answer.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}

	/**
	 * Each control's evidence rows over a period, from the report that runs it; a report that fails
	 * or offers none leaves its controls out (the package's clause table still lists them).
	 */
	Map<String, EvidenceRows> evidence(List<Control> controls, LocalDate from,
			LocalDate to) {
		Map<String, EvidenceRows> rows = new TreeMap<>();
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
