package io.charter.training.web;

import java.util.List;
import java.util.UUID;

/**
 * Pasted attendance (one employee id or e-mail address per line), checked or applied.
 *
 * @param lines one per non-empty line, in order
 * @param problems each by line number and reason ({@code training.error.<reason>})
 * @param marked people marked as attended; 0 for a preview or a refused import
 */
public record AttendanceSheet(List<Line> lines, List<Problem> problems, int marked) {

	public AttendanceSheet {
		lines = List.copyOf(lines);
		problems = List.copyOf(problems);
	}

	/** A line and the person it names; {@code personId} and {@code name} are null when it names nobody. */
	public record Line(int line, String value, UUID personId, String name, boolean valid) {
	}

	public record Problem(int line, String reason) {
	}

	public long validRows() {
		return lines.stream().filter(Line::valid).count();
	}

	public boolean clean() {
		return problems.isEmpty();
	}

	public AttendanceSheet marked(int count) {
		return new AttendanceSheet(lines, problems, count);
	}
}
