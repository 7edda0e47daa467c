package io.charter.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.charter.people.web.ImportPreview.Problem;

/** Reading a people CSV file: UTF-8 only, the required columns, the line numbers problems name. */
class CsvRowsUnitTests {

	@Test
	void bytesThatAreNotUtf8AreRefusedAtTheirLine() {
		byte[] latin1 = "name,email,employee_id,kind\nZoë Peeters,zoe@example.test,E1,employee\n"
				.getBytes(StandardCharsets.ISO_8859_1);
		CsvRows rows = CsvRows.read(latin1);
		assertThat(rows.rows()).isEmpty();
		assertThat(rows.problems()).containsExactly(new Problem(2, null, "encoding"));
	}

	@Test
	void replacementCharactersOfAFormAreTheSameFault() {
		CsvRows rows = CsvRows.read("name,email,employee_id,kind\nZo\uFFFD,z@example.test,E1,employee\n"
				.getBytes(StandardCharsets.UTF_8));
		assertThat(rows.problems()).containsExactly(new Problem(2, null, "encoding"));
	}

	@Test
	void everyMissingRequiredColumnIsNamed() {
		CsvRows rows = CsvRows.read("Name;Email\nA;a@example.test\n".getBytes(StandardCharsets.UTF_8));
		assertThat(rows.problems()).extracting(Problem::field).containsExactly("name", "email", "employee_id", "kind");
		CsvRows partly = CsvRows.read("name,email\nA,a@example.test\n".getBytes(StandardCharsets.UTF_8));
		assertThat(partly.problems()).containsExactly(new Problem(1, "employee_id", "missing-column"),
				new Problem(1, "kind", "missing-column"));
	}

	@Test
	void aByteOrderMarkHeaderCaseAndColumnOrderDoNotMatter() {
		byte[] csv = "\uFEFFKind,Employee_ID,EMAIL,Name,department\n\"contractor\",C7,\"x@example.test\",\"Doe, Jane\",IT\n\nemployee,E2,y@example.test,Y,\n"
				.getBytes(StandardCharsets.UTF_8);
		CsvRows rows = CsvRows.read(csv);
		assertThat(rows.problems()).isEmpty();
		assertThat(rows.rows()).hasSize(2);
		assertThat(rows.rows().get(0).get("name")).isEqualTo("Doe, Jane");
		assertThat(rows.rows().get(0).get("employee_id")).isEqualTo("C7");
		assertThat(rows.rows().get(0).get("manager")).isNull();
		assertThat(rows.rows().get(1).get("department")).isNull();
	}
}
