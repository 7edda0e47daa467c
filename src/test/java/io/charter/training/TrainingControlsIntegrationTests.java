package io.charter.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;

/** S1's sessions control at its threshold: one session in a year fails, the second passes. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class TrainingControlsIntegrationTests {

	@Autowired
	TrainingControls controls;
	@Autowired
	JdbcClient jdbc;

	@Test
	void twoSessionsScheduledInTheYearPassAndOneFails() {
		// A year no other test schedules in, so the count is this test's own.
		int year = 2300 + (int) (Math.random() * 500);
		LocalDate day = LocalDate.of(year, 6, 1);
		assertThat(sessions(day).status()).isEqualTo(ControlStatus.FAILING);
		schedule(year, 3);
		Control one = sessions(day);
		assertThat(one.status()).isEqualTo(ControlStatus.FAILING);
		assertThat(one.arguments()).containsExactly(1, String.valueOf(year));
		schedule(year, 11);
		assertThat(sessions(day).status()).isEqualTo(ControlStatus.PASSING);
		// The next year counts its own sessions.
		assertThat(sessions(day.plusYears(1)).status()).isEqualTo(ControlStatus.FAILING);
	}

	private Control sessions(LocalDate day) {
		List<Control> all = controls.controls(day);
		assertThat(all).extracting(Control::id).contains(TrainingControls.TRAINED);
		return all.stream().filter(c -> c.id().equals(TrainingControls.SESSIONS)).findFirst().orElseThrow();
	}

	private void schedule(int year, int month) {
		OffsetDateTime starts = OffsetDateTime.of(year, month, 10, 9, 0, 0, 0, ZoneOffset.UTC);
		jdbc.sql("""
				insert into training_session (id, title, starts_at, ends_at, capacity, language, status, sequence, created_at)
				values (:id, 'Awareness', :s, :e, 10, 'en', 'SCHEDULED', 0, :s)""").param("id", UUID.randomUUID())
				.param("s", starts).param("e", starts.plusHours(2)).update();
	}
}
