package io.charter.people.web;

import java.util.List;

/**
 * What an import of a CSV file would do, or did.
 *
 * @param lines one per data row, in file order
 * @param problems each problem by line (the header is line 1; 0 when the file is empty), field
 *        (the CSV column, null for the whole line) and reason ({@code people.error.<reason>})
 * @param fileProblem whether the file as a whole could not be read (encoding, columns): nothing can be imported
 * @param validRows rows without problems
 * @param imported rows written; 0 for a preview or a refused import
 */
public record ImportPreview(List<Line> lines, List<Problem> problems, boolean fileProblem, int validRows, int imported) {

	public ImportPreview {
		lines = List.copyOf(lines);
		problems = List.copyOf(problems);
	}

	/** One row: what it would do ({@code new} or {@code update}) and whether it is valid. */
	public record Line(long line, String name, String email, String employeeId, String action, boolean valid) {

		public Line valid(boolean ok) {
			return new Line(line, name, email, employeeId, action, ok);
		}
	}

	public record Problem(long line, String field, String reason) {
	}

	public ImportPreview imported(int rows) {
		return new ImportPreview(lines, problems, fileProblem, validRows, rows);
	}

	public boolean clean() {
		return problems.isEmpty();
	}
}
