package io.charter.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;
import io.charter.shared.Role;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Outcome;

/**
 * Acknowledging the shipped policy as a person of the directory, a new version asking again while the
 * first acknowledgement stays, and the compliance pages reading the policy's duty.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PoliciesIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	DirectoryChanges changes;
	@Autowired
	PolicyDocuments documents;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PolicyDuties duties;
	@Autowired
	ApplicationEvents events;
	@Autowired
	AcknowledgementsHolder holder;
	@Autowired
	PolicyReminders reminders;

	@Test
	void aPersonAcknowledgesTheShownTextOnceAndANewVersionAsksAgain() throws Exception {
		String email = Fixtures.uniqueEmail("ack");
		PersonSummary person = changes.create(new PersonDetails("Ann Ack", email, null,
				PersonKind.EMPLOYEE, "Ack-" + UUID.randomUUID(), null, LocalDate.of(2020, 1, 1), null, "en"));
		fixtures.user(email, "en", Role.EMPLOYEE);
		MockHttpSession session = Fixtures.signIn(mvc, email, Fixtures.PASSWORD);
		PolicyVersion v1 = documents.current(PolicyDuties.WORK_BEHAVIORS).orElseThrow();
		Duty duty = duties.duties().stream().filter(d -> d.id().equals("policy-work-behaviors")).findFirst().orElseThrow();
		LocalDate today = LocalDate.of(2026, 12, 8);
		assertThat(duty.standings(List.of(person.id()), today).get(person.id()).state()).isEqualTo(Duty.State.DUE);

		// One reminder while its link is usable; the link is used up when its person opens it.
		assertThat(reminders.remind(List.of(person))).isOne();
		assertThat(reminders.remind(List.of(person))).isZero();
		String body = jdbc.sql("select body_to_send from outbox_message where recipient = :r and template = 'policy-reminder'")
				.param("r", email).query(String.class).single();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/r/([A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).isTrue();
		String secret = link.group(1);
		mvc.perform(get("/me/policies/work-behaviors/r/" + secret).session(session))
				.andExpect(redirectedUrl("/me/policies/work-behaviors"));
		assertThat(jdbc.sql("select count(*) from one_time_link where subject_id = :p and used_at is not null")
				.param("p", person.id()).query(Integer.class).single()).isOne();

		mvc.perform(get("/me/policies/work-behaviors").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("I have read and understood this policy, including the prohibited activities")))
				.andExpect(content().string(containsString("id=\"clause-S8\"")))
				.andExpect(content().string(containsString(v1.sha256())));
		mvc.perform(get("/me/compliance").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("/me/policies/work-behaviors")));

		// A hash that is not the current text's is refused and records nothing.
		mvc.perform(post("/me/policies/work-behaviors").session(session).with(csrf()).param("version", "1")
				.param("sha256", "0".repeat(64))).andExpect(flash().attribute("refusal", "policies.ack.changed"));
		assertThat(count(person.id())).isZero();

		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/me/policies/work-behaviors").session(session).with(csrf()).param("version", "1")
					.param("sha256", v1.sha256())).andExpect(flash().attribute("notice", "policies.ack.done"));
		}
		assertThat(count(person.id())).isOne();
		assertThat(events.stream(PolicyEvent.Acknowledged.class).filter(e -> e.personId().equals(person.id()))).hasSize(1);
		Duty.Standing done = duty.standings(List.of(person.id()), today).get(person.id());
		assertThat(done.state()).isEqualTo(Duty.State.DONE);

		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(post("/policies/work-behaviors/draft").session(security).with(csrf())
				.param("markdown", v1.markdown() + "\nA new rule.\n")).andExpect(status().is3xxRedirection());
		int next = documents.draft(PolicyDuties.WORK_BEHAVIORS).orElseThrow().number();
		// Publishing without the confirmation only shows what it does.
		mvc.perform(post("/policies/work-behaviors/versions/" + next + "/publish").session(security).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Every person in scope will be asked to acknowledge it again.")));
		mvc.perform(post("/policies/work-behaviors/versions/" + next + "/publish").session(security).with(csrf())
				.param("confirmed", "yes")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/policies/work-behaviors/diff").session(security).param("from", "1").param("to", String.valueOf(next)))
				.andExpect(status().isOk()).andExpect(content().string(containsString("<ins>+ A new rule.</ins>")));

		assertThat(duty.standings(List.of(person.id()), today).get(person.id()).state()).isEqualTo(Duty.State.DUE);
		assertThat(count(person.id())).isOne();
		// The old version's form is refused now.
		mvc.perform(post("/me/policies/work-behaviors").session(session).with(csrf()).param("version", "1")
				.param("sha256", v1.sha256())).andExpect(flash().attribute("refusal", "policies.ack.changed"));

		mvc.perform(get("/people/compliance").session(security).param("department", person.department()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Ann Ack")))
				.andExpect(content().string(containsString("0 of 1 people done")));
		mvc.perform(get("/people/compliance.csv").session(security).param("department", person.department()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("policy-work-behaviors_state")))
				.andExpect(content().string(containsString("Ann Ack," + email)));
		mvc.perform(get("/people/compliance").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/me/compliance\"")));

		// A data-subject request finds and exports the acknowledgement; erasure keeps it as evidence.
		DataSubject subject = new DataSubject(UUID.randomUUID(), email.toUpperCase(), null, "en");
		assertThat(holder.find(subject).records()).isOne();
		assertThat(holder.export(subject).get(0).rows().get(0)).containsEntry("textSha256", v1.sha256());
		assertThat(holder.erase(subject).result()).isEqualTo(Outcome.Result.PARTLY);
		assertThat(count(person.id())).isOne();
	}

	@Test
	void aUserOutsideTheDirectoryIsToldSoAndCannotAcknowledge() throws Exception {
		var user = fixtures.user(Role.AUDITOR);
		MockHttpSession session = Fixtures.signIn(mvc, user.email(), Fixtures.PASSWORD);
		mvc.perform(get("/me/compliance").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Your account is not in the organisation")));
		mvc.perform(get("/me/policies/work-behaviors").session(session)).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("name=\"sha256\""))));
	}

	int count(UUID person) {
		return jdbc.sql("select count(*) from policy_acknowledgement where person_id = :p").param("p", person)
				.query(Integer.class).single();
	}
}
