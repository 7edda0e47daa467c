package io.charter.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.identity.IdentityManagement;
import io.charter.identity.tokens.ApiTokenManagement;
import io.charter.people.PeopleEvent.PersonChanged;
import io.charter.people.PeopleEvent.PersonJoined;
import io.charter.people.PeopleEvent.PersonLeft;
import io.charter.people.web.ImportPreview;
import io.charter.people.web.ImportPreview.Problem;
import io.charter.shared.Role;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Outcome;

/**
 * The directory end to end: the CSV import's problems and modes, re-imports, the pages and API by
 * role, a leaver's account across identity, and data-subject requests.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PeopleIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	PeopleImport imports;
	@Autowired
	Directory directory;
	@Autowired
	DirectoryChanges changes;
	@Autowired
	PeopleRecordsHolder holder;
	@Autowired
	IdentityManagement identity;
	@Autowired
	ApiTokenManagement tokens;
	@Autowired
	ApplicationEvents events;

	/** A prefix that keeps each test's employee ids and addresses apart from the others'. */
	String p = "t" + UUID.randomUUID().toString().substring(0, 6);

	/** The import service is for ADMIN and SECURITY; MockMvc requests carry their own session. */
	static void asSecurity() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("test", null, "ROLE_SECURITY"));
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	byte[] csv(String text) {
		return text.replace("@x", "@" + p + ".test").replace("E", p + "-E").getBytes(StandardCharsets.UTF_8);
	}

	static final String HEADER = "name,email,employee_id,kind,department,manager,start_date,end_date\n";

	@Test
	void badRowsAreNamedByLineAndFieldAndNothingIsWrittenUnlessOnlyTheValidRowsAreAsked() {
		byte[] file = csv(HEADER
				+ "Ann Boss,ann@x,E1,employee,IT,,2024-01-01,\n"
				+ "Bob Dup,bob@x,E2,employee,IT,E1,2024-02-30,\n"
				+ "Carl Dup,carl@x,E2,contractor,IT,,,\n"
				+ "Dana,dana@x,E4,intern,IT,,,\n"
				+ "Eve,ann@x,E5,employee,IT,,,\n"
				+ "Finn,finn@x,E6,contractor,Sales,E1,2025-03-01,2024-01-01\n"
				+ "Gus,gus@x,E7,employee,Sales,E1,2025-03-01,\n");
		asSecurity();
		ImportPreview preview = imports.preview(file);
		assertThat(preview.problems()).containsExactly(new Problem(2, "email", "duplicate-email"),
				new Problem(3, "start_date", "date"), new Problem(3, "employee_id", "duplicate-employee-id"),
				new Problem(4, "employee_id", "duplicate-employee-id"), new Problem(5, "kind", "kind"),
				new Problem(6, "email", "duplicate-email"), new Problem(7, "end_date", "end-before-start"),
				// Gus's manager is Ann, whose row is not valid.
				new Problem(8, "manager", "manager-unknown"));
		assertThat(preview.validRows()).isZero();

		ImportPreview refused = imports.apply(file, PeopleImport.Mode.ALL);
		assertThat(refused.imported()).isZero();
		assertThat(directory.byEmail("gus@" + p + ".test")).isEmpty();

		assertThat(imports.apply(file, PeopleImport.Mode.VALID_ROWS).imported()).isZero();

		byte[] fixed = csv(HEADER + "Ann Boss,ann@x,E1,employee,IT,,2024-01-01,\n"
				+ "Gus,gus@x,E7,employee,Sales,E1,2025-03-01,\nDana,dana@x,E4,intern,IT,,,\n");
		ImportPreview done = imports.apply(fixed, PeopleImport.Mode.VALID_ROWS);
		assertThat(done.imported()).isEqualTo(2);
		PersonSummary ann = directory.byEmployeeId(p + "-E1").orElseThrow();
		PersonSummary gus = directory.byEmail("GUS@" + p.toUpperCase() + ".TEST").orElseThrow();
		assertThat(gus.managerId()).isEqualTo(ann.id());
		assertThat(gus.startDate()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(directory.byEmployeeId(p + "-E4")).isEmpty();
	}

	@Test
	void reImportingTheSameFileChangesNothingAndAChangedRowUpdatesItsPerson() {
		asSecurity();
		byte[] file = csv(HEADER + "Mia,mia@x,E1,employee,HR,E2,2024-01-01,\nNoah,noah@x,E2,employee,HR,,2023-01-01,\n");
		assertThat(imports.apply(file, PeopleImport.Mode.ALL).imported()).isEqualTo(2);
		assertThat(events.stream(PersonJoined.class)).hasSize(2);
		long changedBefore = events.stream(PeopleEvent.class).count();

		imports.apply(file, PeopleImport.Mode.ALL);
		assertThat(events.stream(PeopleEvent.class).count()).as("a second import of the same file").isEqualTo(changedBefore);

		// Matched by employee id: the address changes, no second person appears.
		imports.apply(csv(HEADER + "Mia,mia.new@x,E1,employee,HR,E2,2024-01-01,\n"), PeopleImport.Mode.ALL);
		assertThat(directory.byEmployeeId(p + "-E1").orElseThrow().email()).isEqualTo("mia.new@" + p + ".test");
		assertThat(directory.byEmail("mia@" + p + ".test")).isEmpty();
		assertThat(events.stream(PersonChanged.class)).anyMatch(e -> e.summary().equals("changed email"));
	}

	@Test
	void theConsolePreviewsAPastedFileWithItsProblemsThenImportsOnlyTheValidRowsWhenAsked() throws Exception {
		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		String file = new String(csv(HEADER + "Ola,ola@x,E1,employee,IT,,,\r\nPia,pia@x,E2,employee,IT,,2025-02-31,\r\n"),
				StandardCharsets.UTF_8);
		mvc.perform(post("/people/import").session(security).with(csrf()).param("csv", file)).andExpect(status().isOk())
				.andExpect(content().string(containsString("is not a date (yyyy-mm-dd)")))
				.andExpect(content().string(containsString("name=\"mode\" value=\"VALID_ROWS\"")));
		assertThat(directory.byEmail("ola@" + p + ".test")).as("a preview writes nothing").isEmpty();
		mvc.perform(post("/people/import/apply").session(security).with(csrf()).param("csv", file).param("mode", "ALL"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("is not a date")));
		assertThat(directory.byEmail("ola@" + p + ".test")).as("refused while the file has problems").isEmpty();
		mvc.perform(post("/people/import/apply").session(security).with(csrf()).param("csv", file)
				.param("mode", "VALID_ROWS")).andExpect(redirectedUrl("/people"));
		assertThat(directory.byEmail("ola@" + p + ".test")).isPresent();
		assertThat(directory.byEmail("pia@" + p + ".test")).isEmpty();
	}

	@Test
	void theExportImportsBackUnchangedAndGuardsFormulas() throws Exception {
		changes.create(new PersonDetails("=HYPERLINK(\"x\")", "f@" + p + ".test", p + "-F", PersonKind.CONTRACTOR, null,
				null, null, null, "nl"));
		String exported = mvc.perform(get("/people/export.csv")
				.session(Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD))).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", containsString("text/csv"))).andReturn().getResponse()
				.getContentAsString();
		assertThat(exported).startsWith("name,email,employee_id,kind,department,manager,start_date,end_date,status,language")
				.contains("\"'=HYPERLINK(\"\"x\"\")\",f@" + p + ".test," + p + "-F,contractor,,,,,active,nl");
	}

	@Test
	void aLeaverCanNoLongerSignInNorUseATokenAndADirectoryPersonHoldsEmployee() throws Exception {
		var user = fixtures.user(Role.SECURITY);
		String token = tokens.issue(user.id(), "script", Set.of(Role.SECURITY), Instant.now().plusSeconds(3600)).secret();
		PersonSummary person = changes.create(new PersonDetails("Lea Ver", user.email().toUpperCase(), null,
				PersonKind.EMPLOYEE, "IT", null, LocalDate.of(2020, 1, 1), null, "fr"));

		// Signing in as a person of the directory adds EMPLOYEE to the roles.
		Fixtures.signIn(mvc, user.email(), Fixtures.PASSWORD);
		assertThat(identity.user(user.id()).orElseThrow().roles()).contains(Role.SECURITY, Role.EMPLOYEE);

		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String confirm = "/people/" + person.id() + "/leave";
		mvc.perform(post(confirm).session(admin).with(csrf())).andExpect(redirectedUrl(confirm));
		assertThat(directory.person(person.id()).orElseThrow().active()).as("a bare POST").isTrue();
		mvc.perform(get(confirm).session(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("API tokens are revoked")));
		mvc.perform(post(confirm).session(admin).with(csrf()).param("confirmed", "yes").param("end_date", "2019-12-31"))
				.andExpect(redirectedUrl(confirm + "?end_date=2019-12-31&error=end-before-start"));
		mvc.perform(post(confirm).session(admin).with(csrf()).param("confirmed", "yes").param("end_date", "2026-11-30"))
				.andExpect(redirectedUrl("/people/" + person.id()));

		PersonSummary left = directory.person(person.id()).orElseThrow();
		assertThat(left.status()).isEqualTo(PersonStatus.LEAVER);
		assertThat(left.endDate()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(events.stream(PersonLeft.class)).singleElement().satisfies(e -> {
			assertThat(e.personId()).isEqualTo(person.id());
			assertThat(e.summary()).doesNotContain(user.email());
		});
		await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(identity.user(user.id()).orElseThrow().active()).isFalse());
		assertThat(tokens.tokensOf(user.id())).allMatch(t -> t.revokedAt() != null);
		mvc.perform(formLogin("/login").user(user.email()).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/api/v1/people").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		assertThat(identity.signInWithOidc(user.email(), "Lea Ver")).as("OIDC sign-in of a leaver").isEmpty();
	}

	@Test
	void aPersonOfTheDirectoryWithoutAnAccountSignsInWithOidcAsEmployee() {
		String email = "new@" + p + ".test";
		changes.create(new PersonDetails("New " + p, email, null, PersonKind.CONTRACTOR, null, null, null, null, "nl"));
		assertThat(identity.signInWithOidc(email.toUpperCase(), "New")).hasValueSatisfying(
				account -> assertThat(account.roles()).containsExactly(Role.EMPLOYEE));
	}

	@Test
	void theFormKeepsWhatWasTypedWithAMessageAtEachFieldAndSavesAfterPostRedirectGet() throws Exception {
		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(post("/people").session(security).with(csrf()).param("name", "Zed <b>").param("email", "not-an-address")
				.param("kind", "employee").param("start_date", "2025-13-01").param("manager", "nobody@" + p + ".test")
				.param("language", "nl")).andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"Zed &lt;b>\"")))
				.andExpect(content().string(containsString("is not an e-mail address")))
				.andExpect(content().string(containsString("is not a date (yyyy-mm-dd)")))
				.andExpect(content().string(containsString("is no person of the directory or the file")));
		assertThat(directory.page(new PeopleFilter("Zed", null, null, null), 0, 10).total()).isZero();

		String location = mvc.perform(post("/people").session(security).with(csrf()).param("name", "Zed " + p)
				.param("email", "zed@" + p + ".test").param("kind", "contractor").param("department", "Ops " + p)
				.param("language", "nl")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
				.getRedirectedUrl();
		mvc.perform(get(location).session(security)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Zed " + p)));
		mvc.perform(get("/people").session(security).param("department", "Ops " + p).param("kind", "CONTRACTOR")
				.param("status", "ACTIVE")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Zed " + p)));
	}

	@Test
	void auditorsReadEmployeesDoNotAndTheApiAnswersProblemDetails() throws Exception {
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/people").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(containsString("<h1>People</h1>")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/people/new"))));
		mvc.perform(post("/people").session(auditor).with(csrf()).param("name", "X")).andExpect(status().isForbidden());
		MockHttpSession employee = Fixtures.signIn(mvc, fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		mvc.perform(get("/people").session(employee)).andExpect(status().isForbidden());

		String admin = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		String body = "{\"name\":\"Api " + p + "\",\"email\":\"api@" + p + ".test\",\"kind\":\"EMPLOYEE\",\"language\":\"en\"}";
		String created = mvc.perform(post("/api/v1/people").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("ACTIVE")).andReturn().getResponse().getHeader("Location");
		mvc.perform(post("/api/v1/people").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		mvc.perform(get(created).header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.email").value("api@" + p + ".test"));
		mvc.perform(post(created + "/leaver").header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR)))
				.andExpect(status().isForbidden());
		mvc.perform(post(created + "/leaver").header("Authorization", admin)).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("LEAVER"));
		mvc.perform(get("/api/v1/people/" + UUID.randomUUID()).header("Authorization", admin))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/people/import").header("Authorization", admin).contentType("text/csv")
				.content("name,email\n".getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk())
				.andExpect(jsonPath("$.fileProblem").value(true))
				.andExpect(jsonPath("$.problems[0].reason").value("missing-column"));
	}

	/** A file past charter.people.max-import (5 MB) is refused before it is parsed, not read into memory whole. */
	@Test
	void anImportLargerThanTheLimitIsRefusedWith413() throws Exception {
		String admin = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		byte[] large = new byte[5 * 1024 * 1024 + 1];
		java.util.Arrays.fill(large, (byte) 'a');
		mvc.perform(post("/api/v1/people/import").header("Authorization", admin).contentType("text/csv").content(large))
				.andExpect(status().isContentTooLarge())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")))
				.andExpect(jsonPath("$.detail", containsString("charter.people.max-import")));
	}

	@Test
	void aDataSubjectIsFoundExportedAndAnonymisedNotDeleted() {
		PersonSummary boss = changes.create(new PersonDetails("Boss " + p, "boss@" + p + ".test", p + "-B",
				PersonKind.EMPLOYEE, "IT", null, null, null, "en"));
		PersonSummary person = changes.create(new PersonDetails("Erin " + p, "erin@" + p + ".test", p + "-R",
				PersonKind.EMPLOYEE, "IT", boss.id(), LocalDate.of(2022, 5, 1), null, "fr"));
		DataSubject subject = new DataSubject(UUID.randomUUID(), "ERIN@" + p + ".test", null, "fr");
		assertThat(holder.find(subject).records()).isEqualTo(1);
		assertThat(holder.find(subject).purposes()).contains("formations");
		assertThat(holder.export(subject)).singleElement()
				.satisfies(d -> assertThat(d.rows().get(0)).containsEntry("employeeId", p + "-R"));

		Outcome outcome = holder.erase(subject);
		assertThat(outcome.result()).isEqualTo(Outcome.Result.PARTLY);
		PersonSummary erased = directory.person(person.id()).orElseThrow();
		assertThat(erased.name()).doesNotContain("Erin");
		assertThat(erased.email()).doesNotContain("erin");
		assertThat(erased.employeeId()).isNull();
		assertThat(erased.status()).isEqualTo(PersonStatus.LEAVER);
		assertThat(erased.startDate()).isEqualTo(LocalDate.of(2022, 5, 1));
		assertThat(holder.find(subject).holdsData()).isFalse();
		assertThat(holder.erase(subject).result()).isEqualTo(Outcome.Result.NOTHING_HELD);
		assertThat(events.stream(PeopleEvent.PersonAnonymised.class)).hasSize(1);
	}
}
