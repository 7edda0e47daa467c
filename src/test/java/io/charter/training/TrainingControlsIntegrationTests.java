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
	@Autowired
	TrainingDuty duty;
	@Autowired
	io.charter.people.Directory directory;

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

	/**
	 * The trained figure is counted in SQL; it equals the duty's standings counted person by person
	 * over the whole directory, on days around the edge of the validity (a session the evening before
	 * the first valid day in Brussels, one at its first minute, a month end), with a leaver, a person
	 * leaving that day and one not active who attended.
	 */
	@Test
	void theTrainedFigureIsTheDutysStandingsCounted() {
		LocalDate day = LocalDate.of(2300 + (int) (Math.random() * 500), 3, 31);
		LocalDate since = duty.validSince(day);
		java.time.ZoneId brussels = java.time.ZoneId.of("Europe/Brussels");
		UUID late = session(since.minusDays(1).atTime(23, 30).atZone(brussels).toOffsetDateTime());
		UUID first = session(since.atStartOfDay(brussels).toOffsetDateTime());
		UUID old = session(since.minusMonths(2).atTime(10, 0).atZone(brussels).toOffsetDateTime());
		List<UUID> people = new java.util.ArrayList<>();
		try {
			attend(late, person(people, "ACTIVE", null));
			attend(first, person(people, "ACTIVE", null));
			attend(first, person(people, "ACTIVE", day));
			attend(first, person(people, "ACTIVE", day.minusDays(1)));
			attend(first, person(people, "LEAVER", null));
			attend(old, person(people, "ACTIVE", null));
			UUID twice = person(people, "ACTIVE", null);
			attend(old, twice);
			attend(first, twice);
			person(people, "ACTIVE", null);
			for (LocalDate d : List.of(day, day.minusDays(1), day.plusDays(1), since.plusYears(1).minusDays(1))) {
				Control trained = controls.controls(d).stream().filter(c -> c.id().equals(TrainingControls.TRAINED))
						.findFirst().orElseThrow();
				var standings = duty.standingsOf(directory.active(null), d).values();
				assertThat(List.of(trained.met(), trained.of(), trained.exempted())).as("on %s", d).containsExactly(
						standings.stream().filter(s -> s.state() == io.charter.shared.Duty.State.DONE).count(),
						(long) standings.size(),
						standings.stream().filter(s -> s.state() == io.charter.shared.Duty.State.EXEMPTED).count());
			}
		}
		finally {
			jdbc.sql("delete from training_enrolment where session_id in (:s)").param("s", List.of(late, first, old)).update();
			jdbc.sql("delete from training_session where id in (:s)").param("s", List.of(late, first, old)).update();
			if (!people.isEmpty()) {
				jdbc.sql("delete from person where id in (:p)").param("p", people).update();
			}
		}
	}

	private UUID session(OffsetDateTime starts) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into training_session (id, title, starts_at, ends_at, capacity, language, status, sequence, created_at)
				values (:id, 'Awareness', :s, :e, 10, 'en', 'SCHEDULED', 0, :s)""").param("id", id).param("s", starts)
				.param("e", starts.plusHours(2)).update();
		return id;
	}

	private UUID person(List<UUID> people, String status, LocalDate endDate) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into person (id, name, email, kind, status, end_date, language, created_at, updated_at)
				values (:id, 'Trainee', :email, 'EMPLOYEE', :status, :end, 'en', current_timestamp, current_timestamp)""")
				.param("id", id).param("email", id + "@trained.test").param("status", status).param("end", endDate).update();
		people.add(id);
		return id;
	}

	private void attend(UUID session, UUID person) {
		jdbc.sql("""
				insert into training_enrolment (id, session_id, person_id, status, attended, enrolled_at, changed_at, sequence)
				values (:id, :s, :p, 'ENROLLED', true, current_timestamp, current_timestamp, 0)""").param("id", UUID.randomUUID())
				.param("s", session).param("p", person).update();
	}
}
