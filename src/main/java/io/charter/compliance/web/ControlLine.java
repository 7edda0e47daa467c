package io.charter.compliance.web;

import java.util.List;

import io.charter.shared.control.ControlStatus;

/**
 * One control under a clause, as the page reads it: its title and figure are keys of the reporting
 * module's bundle; {@code target} is a share or null; {@code link} the page of its items, or null.
 */
public record ControlLine(String id, String titleKey, ControlStatus status, String figureKey, List<Object> arguments,
		Double target, long exempted, String link) {

	/** The figure's arguments, dates and instants written by {@code dates} (the page's own format). */
	public Object[] figureArguments(java.util.function.Function<Object, String> dates) {
		return arguments.stream().map(a -> a instanceof java.time.Instant || a instanceof java.time.LocalDate ? dates.apply(a) : a)
				.toArray();
	}

	/** The target as a whole percentage, for the page. */
	public Long targetPercent() {
		return target == null ? null : Math.round(target * 100);
	}
}
