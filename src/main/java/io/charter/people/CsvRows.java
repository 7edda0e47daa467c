package io.charter.people;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.charter.people.web.ImportPreview.Problem;

/**
 * A people CSV file read into rows of named cells: strict UTF-8 (a byte-order mark is skipped), a
 * header line naming the columns in any order and case, commas, RFC 4180 quoting (Commons CSV).
 * What keeps the whole file from being read is a {@link Problem} on line 0 or 1.
 */
record CsvRows(List<Row> rows, List<Problem> problems) {

	static final List<String> REQUIRED = List.of("name", "email", "employee_id", "kind");
	static final List<String> COLUMNS = List.of("name", "email", "employee_id", "kind", "department", "manager",
			"start_date", "end_date", "status", "language");

	/** One data line: its line number in the file (the header is line 1) and its cells by column. */
	record Row(long line, Map<String, String> cells) {

		String get(String column) {
			String value = cells.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	static CsvRows read(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			return failed(new Problem(lineOf(bytes, in.position()), null, "encoding"));
		}
		String text = out.flip().toString();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		// A browser form posts undecodable text as replacement characters: the same fault.
		int replaced = text.indexOf('\uFFFD');
		if (replaced >= 0) {
			return failed(new Problem(text.substring(0, replaced).chars().filter(c -> c == '\n').count() + 1, null, "encoding"));
		}
		return parse(text);
	}

	private static CsvRows parse(String text) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
				.setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Map<String, Integer> header = new LinkedHashMap<>();
			parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT), index));
			List<Problem> problems = new ArrayList<>();
			for (String column : REQUIRED) {
				if (!header.containsKey(column)) {
					problems.add(new Problem(1, column, "missing-column"));
				}
			}
			if (!problems.isEmpty()) {
				return new CsvRows(List.of(), problems);
			}
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				Map<String, String> cells = new LinkedHashMap<>();
				for (String column : COLUMNS) {
					Integer index = header.get(column);
					cells.put(column, index != null && index < record.size() ? record.get(index) : null);
				}
				rows.add(new Row(record.getRecordNumber() + 1, cells));
			}
			return new CsvRows(rows, problems);
		}
		catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
			return failed(new Problem(1, null, "unreadable"));
		}
	}

	private static CsvRows failed(Problem problem) {
		return new CsvRows(List.of(), List.of(problem));
	}

	private static long lineOf(byte[] bytes, int position) {
		long line = 1;
		for (int i = 0; i < position && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}
}
