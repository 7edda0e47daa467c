package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;

import io.charter.platform.RefusalProblems;

class ApiProblemsUnitTests {

	@ParameterizedTest
	@CsvSource({ "22021, 400", "22001, 400", "22008, 400", "23503, 409", "23505, 409", "23502, 409", "90008, 500" })
	void aValueTheDatabaseRefusedIsTheClientsOrACollisionByItsSqlState(String state, int status) {
		var refused = new DataIntegrityViolationException("statement failed", new SQLException("refused", state));
		assertThat(new ApiProblems(new RefusalProblems(new StaticMessageSource()), new StaticMessageSource()).refusedByTheDatabase(refused).getStatusCode().value()).isEqualTo(status);
	}
}
