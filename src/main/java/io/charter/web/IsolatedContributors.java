package io.charter.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * Asks a module's contribution to the dashboard so that one contributor failing costs only its own
 * lines: the dashboard is where people look when something is wrong, so it must not fail with it.
 * A failure is logged once per contributor until it answers again, by class and exception type only
 * (its message may quote data).
 */
final class IsolatedContributors {

	private final Logger log;
	private final String what;
	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	IsolatedContributors(Logger log, String what) {
		this.log = log;
		this.what = what;
	}

	<T> List<T> ask(Object contributor, Supplier<List<T>> answer) {
		String name = contributor.getClass().getName();
		try {
			List<T> lines = answer.get();
			failing.remove(name);
			return lines;
		}
		catch (RuntimeException e) {
			if (failing.add(name)) {
				log.warn("The dashboard's {} of {} failed ({}); the others are shown", what, name, e.getClass().getName());
			}
			return List.of();
		}
	}
}
