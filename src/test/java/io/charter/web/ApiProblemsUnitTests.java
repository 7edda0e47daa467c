package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;

class ApiProblemsUnitTests {

	@ParameterizedTest
	@CsvSource({ "22021, 400", "22001, 400", "22008, 400", "23503, 409", "23505, 409", "23502, 409", "90008, 500" })
	void aValueTheDatabaseRefusedIsTheClientsOrACollisionByItsSqlState(String state, int status) {
		var refused = new DataIntegrityViolationException("statement failed", new SQLException("refused", state));
		assertThat(new ApiProblems().refusedByTheDatabase(refused).getStatusCode().value()).isEqualTo(status);
	}
}
