package io.charter.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import io.charter.people.Directory;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;
import io.charter.shared.Role;
import io.charter.shared.control.Control;

/**
 * A policy document created in the console: refused input keeps nothing, the key is unique, its
 * first version is published through the version flow and it is then a duty on "my compliance", the
 * overview, the reminders and the control report, until it is retired (versions and acknowledgements
 * kept). And the control's counts, made in the database, against the duty's standings.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PolicyDocumentsIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	DirectoryChanges changes;
	@Autowired
	Directory directory;
	@Autowired
	PolicyDocuments documents;
	@Autowired
	PolicyDuties duties;
	@Autowired
	PolicyControls controls;
	@Autowired
	PolicyReminders reminders;
	@Autowired
	Acknowledgements acknowledgements;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationEvents events;

	@Test
	void anAdministratorCreatesADocumentThatIsAskedOfPeopleUntilItIsRetired() throws Exception {
		String key = "acceptable-use-" + Long.toString(System.nanoTime(), 36);
		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);

		// Every refused field is marked at once, the typed values kept, and nothing is written.
		mvc.perform(post("/policies/new").session(admin).with(csrf()).param("key", "Bad Key!").param("titleEn", "Kept title")
				.param("titleFr", "").param("titleNl", "x".repeat(201)).param("clauses", "S6, nine").param("markdown", " "))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Use lower-case letters and digits joined by hyphens")))
				.andExpect(content().string(containsString("Write the title in this language.")))
				.andExpect(content().string(containsString("At most 200 characters.")))
				.andExpect(content().string(containsString("Clause ids are a capital letter and a number")))
				.andExpect(content().string(containsString("Write the text of the version.")))
				.andExpect(content().string(containsString("value=\"Kept title\"")));
		assertThat(documents.exists("bad-key")).isFalse();
		// The shipped document's key is taken.
		mvc.perform(create(admin, PolicyDuties.WORK_BEHAVIORS)).andExpect(status().isOk())
				.andExpect(content().string(containsString("A document with this key already exists.")));
		assertThat(documents.versions(PolicyDuties.WORK_BEHAVIORS)).noneMatch(v -> v.markdown().contains("No personal use"));

		mvc.perform(create(admin, key)).andExpect(redirectedUrl("/policies/" + key + "?version=1"));
		assertThat(events.stream(PolicyEvent.DocumentCreated.class).filter(e -> e.documentId().equals(key)))
				.singleElement().satisfies(e -> assertThat(e.clauses()).containsExactly("S6", "S8"));
		// A draft is not asked of anyone yet; the document's page shows it.
		assertThat(duties.duties()).noneMatch(d -> d.id().equals("policy-" + key));
		mvc.perform(get("/policies/" + key).session(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("No personal use")));
		mvc.perform(post("/policies/" + key + "/versions/1/publish").session(admin).with(csrf()).param("confirmed", "yes"))
				.andExpect(redirectedUrl("/policies/" + key));

		Duty duty = duties.duties().stream().filter(d -> d.id().equals("policy-" + key)).findFirst().orElseThrow();
		assertThat(duty.clauses()).containsExactlyInAnyOrder("S6", "S8");
		String email = Fixtures.uniqueEmail("newdoc");
		PersonSummary person = changes.create(new PersonDetails("Nina New", email, null, PersonKind.EMPLOYEE,
				"Doc-" + UUID.randomUUID(), null, LocalDate.of(2020, 1, 1), null, "fr"));
		fixtures.user(email, "fr", Role.EMPLOYEE);
		MockHttpSession employee = Fixtures.signIn(mvc, email, Fixtures.PASSWORD);
		mvc.perform(get("/me/compliance").session(employee)).andExpect(status().isOk())
				.andExpect(content().string(containsString("/me/policies/" + key)))
				.andExpect(content().string(containsString("Usage acceptable")));
		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(get("/people/compliance").session(security).param("department", person.department()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Acceptable use")));
		assertThat(controls.controls(LocalDate.of(2026, 12, 8))).anySatisfy(c -> {
			assertThat(c.id()).isEqualTo(PolicyControls.PREFIX + key);
			assertThat(c.clauses()).containsExactlyInAnyOrder("S6", "S8");
		});
		// Each document is reminded on its own: the shipped one's reminder does not hold this one back.
		assertThat(reminders.remind(List.of(person))).isEqualTo(2);
		assertThat(reminders.remind(List.of(person))).isZero();
		assertThat(jdbc.sql("select body_to_send from outbox_message where recipient = :r and body_to_send like :link")
				.param("r", email).param("link", "%/me/policies/" + key + "/r/%").query(String.class).single())
				.contains("« Usage acceptable »");

		// Only ADMIN and SECURITY create or retire; the auditor reads.
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(create(auditor, key + "-x")).andExpect(status().isForbidden());
		mvc.perform(post("/policies/" + key + "/retire").session(auditor).with(csrf()).param("confirmed", "yes"))
				.andExpect(status().isForbidden());

		String sha = documents.current(key).orElseThrow().sha256();
		mvc.perform(post("/me/policies/" + key).session(employee).with(csrf()).param("version", "1").param("sha256", sha))
				.andExpect(status().is3xxRedirection());
		mvc.perform(post("/policies/" + key + "/retire").session(security).with(csrf()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Every version and every acknowledgement stays recorded.")));
		mvc.perform(post("/policies/" + key + "/retire").session(security).with(csrf()).param("confirmed", "yes"))
				.andExpect(redirectedUrl("/policies/" + key));
		assertThat(events.stream(PolicyEvent.DocumentRetired.class).filter(e -> e.documentId().equals(key))).hasSize(1);
		assertThat(duties.duties()).noneMatch(d -> d.id().equals("policy-" + key));
		assertThat(controls.controls(LocalDate.of(2026, 12, 8))).noneMatch(c -> c.id().equals(PolicyControls.PREFIX + key));
		mvc.perform(get("/me/compliance").session(employee)).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("/me/policies/" + key))));
		assertThat(documents.versions(key)).hasSize(1);
		assertThat(acknowledgements.count(key, 1)).isOne();
		mvc.perform(post("/policies/" + key + "/draft").session(security).with(csrf()).param("markdown", "More."))
				.andExpect(redirectedUrl("/policies/" + key));
		assertThat(documents.versions(key)).hasSize(1);
	}

	/**
	 * The control counts active people holding an acknowledgement of the current version: not one of
	 * an earlier version, nor a leaver's; and its figures are those of the duty's standings.
	 */
	@Test
	void theControlCountsTheActivePeopleWhoAcknowledgedTheCurrentVersion() throws Exception {
		String key = "counted-" + Long.toString(System.nanoTime(), 36);
		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(create(security, key)).andExpect(status().is3xxRedirection());
		publish(security, key, 1);
		PersonSummary earlier = person("Earl Earlier");
		PersonSummary current = person("Cora Current");
		PersonSummary leaver = person("Lea Leaver");
		PersonSummary none = person("Noa None");
		acknowledge(key, 1, earlier);
		mvc.perform(post("/policies/" + key + "/draft").session(security).with(csrf()).param("markdown", "Version two."))
				.andExpect(status().is3xxRedirection());
		publish(security, key, 2);
		acknowledge(key, 2, current);
		acknowledge(key, 2, leaver);
		changes.markLeaver(leaver.id(), LocalDate.of(2026, 12, 1));

		LocalDate today = LocalDate.of(2026, 12, 8);
		Control control = controls.controls(today).stream().filter(c -> c.id().equals(PolicyControls.PREFIX + key))
				.findFirst().orElseThrow();
		List<PersonSummary> active = directory.active(null);
		Map<UUID, Duty.Standing> standings = duties.policyDuties().stream().filter(d -> d.id().equals("policy-" + key))
				.findFirst().orElseThrow().standings(active.stream().map(PersonSummary::id).toList(), today);
		assertThat(control.met()).isOne();
		assertThat(control.met()).isEqualTo(standings.values().stream().filter(s -> s.state() == Duty.State.DONE).count());
		assertThat(control.of()).isEqualTo(active.size()).isEqualTo(standings.size());
		assertThat(standings).containsKeys(earlier.id(), none.id()).doesNotContainKey(leaver.id());

		mvc.perform(post("/policies/" + key + "/retire").session(security).with(csrf()).param("confirmed", "yes"))
				.andExpect(status().is3xxRedirection());
	}

	private org.springframework.test.web.servlet.RequestBuilder create(MockHttpSession session, String key) {
		return post("/policies/new").session(session).with(csrf()).param("key", key).param("titleEn", "Acceptable use")
				.param("titleFr", "Usage acceptable").param("titleNl", "Aanvaardbaar gebruik").param("clauses", "s8, S6")
				.param("required", "true").param("markdown", "# Acceptable use\n\nNo personal use of customer data.\n");
	}

	private void publish(MockHttpSession session, String key, int version) throws Exception {
		mvc.perform(post("/policies/" + key + "/versions/" + version + "/publish").session(session).with(csrf())
				.param("confirmed", "yes")).andExpect(redirectedUrl("/policies/" + key));
	}

	private PersonSummary person(String name) {
		return changes.create(new PersonDetails(name, Fixtures.uniqueEmail("counted"), null, PersonKind.EMPLOYEE,
				"Cnt-" + UUID.randomUUID(), null, LocalDate.of(2020, 1, 1), null, "en"));
	}

	private void acknowledge(String key, int version, PersonSummary person) {
		acknowledgements.record(key, version, person.id(), documents.version(key, version).orElseThrow().sha256(),
				Instant.parse("2026-12-07T12:00:00Z"));
	}
}
