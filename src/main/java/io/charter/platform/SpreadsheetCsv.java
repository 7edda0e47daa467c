package io.charter.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV for people who open it in a spreadsheet: RFC 4180 (comma, double quotes, CRLF) written by
 * Commons CSV, with one rule for cells a spreadsheet would run as a formula. Such a cell (starting
 * with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe and is always quoted,
 * so it shows as text; a plain number ({@code -12.5}, {@code +1}, {@code 3e8}) stays a number. The
 * exact values belong in the JSON exports next to these files.
 */
public final class SpreadsheetCsv {

	private static final String FORMULA_START = "=+-@\t\r";
	private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	private final Appendable out;
	// A format's printing is synchronized: each writer has its own, so exports never wait on each other.
	private final CSVFormat minimal = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();
	private final CSVFormat quoted = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

	/** Writes to {@code out}; the caller flushes and closes it. */
	public SpreadsheetCsv(Appendable out) {
		this.out = out;
	}

	/** One record: each value through {@link #cell(String)}, a null as an empty cell. */
	public void row(String... values) throws IOException {
		row(Arrays.asList(values));
	}

	/** One record: each value through {@link #cell(String)}, a null as an empty cell. */
	public void row(List<String> values) throws IOException {
		boolean first = true;
		for (String value : values) {
			String cell = cell(value);
			(cell.equals(value) || cell.isEmpty() ? minimal : quoted).print(cell, out, first);
			first = false;
		}
		minimal.println(out);
	}

	/**
	 * The text a spreadsheet shows as it is: a leading apostrophe on what it would otherwise run as a
	 * formula; numbers and everything else unchanged; null as empty.
	 */
	public static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (FORMULA_START.indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
			return "'" + value;
		}
		return value;
	}
}
