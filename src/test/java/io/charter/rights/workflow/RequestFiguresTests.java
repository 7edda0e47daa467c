package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.shared.DashboardFigures.Figure;
import io.charter.shared.DashboardFigures.Today;
import io.charter.shared.Role;

/**
 * The dashboard's request figures count real requests: due this week, overdue, and letters held in
 * the outbox (no mail server in this context); the team sees them, an employee does not.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class RequestFiguresTests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Clock clock;
	@Autowired
	RequestFigures figures;

	/** The figures' counts by key: the database is shared, so the test compares before and after. */
	java.util.Map<String, Integer> counts(Today today) {
		java.util.Map<String, Integer> counts = new java.util.HashMap<>(
				java.util.Map.of("rights.figure.overdue", 0, "rights.figure.letters-waiting", 0));
		for (Figure f : figures.figures(today)) {
			counts.put(f.messageKey(), (Integer) f.arguments().get(0));
		}
		return counts;
	}

	UUID register(MockHttpSession officer, String name) throws Exception {
		String email = Fixtures.uniqueEmail("figures");
		mvc.perform(post("/rights/requests").session(officer).with(csrf()).param("type", "ACCESS").param("channel", "EMAIL")
				.param("name", name).param("email", email).param("language", "en"))
				.andExpect(status().is3xxRedirection());
		return jdbc.sql("select id from rights_request where email = :e").param("e", email).query(UUID.class).single();
	}

	void due(UUID id, LocalDate on) {
		jdbc.sql("update rights_request set due_on = :on where id = :id").param("on", Date.valueOf(on)).param("id", id)
				.update();
	}

	@Test
	void theTeamSeesRequestsDueThisWeekOverdueAndLettersHeld() throws Exception {
		Today today = new Today(LocalDate.now(clock.withZone(BRUSSELS)), BRUSSELS);
		var before = counts(today);
		MockHttpSession officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		UUID dueToday = register(officer, "Dora Due");
		UUID late = register(officer, "Otto Overdue");
		UUID later = register(officer, "Lea Later");
		due(dueToday, today.date());
		due(late, today.date().minusDays(1));
		due(later, today.weekEnd().plusDays(1));
		mvc.perform(post("/rights/requests/" + later + "/send-link").session(officer).with(csrf()))
				.andExpect(status().is3xxRedirection());
		int letters = jdbc.sql("select count(*) from rights_letter where request_id in (:ids)")
				.param("ids", List.of(dueToday, late, later)).query(Integer.class).single();
		assertThat(letters).as("the verification link was held").isPositive();

		var after = counts(today);
		assertThat(after.get("rights.figure.due-this-week") - before.get("rights.figure.due-this-week")).isEqualTo(1);
		assertThat(after.get("rights.figure.overdue") - before.get("rights.figure.overdue")).isEqualTo(1);
		assertThat(after.get("rights.figure.letters-waiting") - before.get("rights.figure.letters-waiting"))
				.isEqualTo(letters);

		String team = Fixtures.page(mvc, officer, "/");
		int overdue = after.get("rights.figure.overdue");
		assertThat(team).contains(overdue == 1 ? "1 data-subject request is overdue"
				: overdue + " data-subject requests are overdue", "not gone out yet");
		String employee = Fixtures.page(mvc, Fixtures.signIn(mvc, fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD), "/");
		assertThat(employee).doesNotContain("data-subject request", "not gone out yet");
	}
}
