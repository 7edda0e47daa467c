package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpreadsheetCsvUnitTests {

	/** The value, and the cell as written in the file (second of two, so as a record's first cell never is). */
	static Stream<Arguments> cells() {
		return Stream.of(
				arguments(null, ""),
				arguments("", ""),
				arguments("plain", "plain"),
				arguments("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
				arguments("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""),
				arguments("@SUM(A1)", "\"'@SUM(A1)\""),
				arguments("+cmd", "\"'+cmd\""),
				arguments("-A1", "\"'-A1\""),
				arguments("-visitor_id-123", "\"'-visitor_id-123\""),
				arguments("\tcmd", "\"'\tcmd\""),
				arguments("\rcmd", "\"'\rcmd\""),
				arguments("-12.5", "-12.5"),
				arguments("+1", "+1"),
				arguments("42", "42"),
				arguments("-3e8", "-3e8"),
				arguments("1-2", "1-2"),
				arguments("a,b", "\"a,b\""),
				arguments("say \"hi\"", "\"say \"\"hi\"\"\""),
				arguments("two\nlines", "\"two\nlines\""),
				arguments("O'Brien", "O'Brien"),
				arguments("'quoted", "'quoted"),
				arguments("analytics=1,tracking=1", "\"analytics=1,tracking=1\""));
	}

	@ParameterizedTest(name = "[{0}] is written [{1}]")
	@MethodSource("cells")
	void writesACellAsASpreadsheetShowsItAsText(String value, String written) throws IOException {
		StringBuilder out = new StringBuilder();
		new SpreadsheetCsv(out).row("first", value);
		assertThat(out).hasToString("first," + written + "\r\n");
	}

	@Test
	void writesRecordsWithCrLf() throws IOException {
		StringBuilder out = new StringBuilder();
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		csv.row("email", "phone");
		csv.row("a@example.org", null);
		assertThat(out).hasToString("email,phone\r\na@example.org,\r\n");
	}
}
