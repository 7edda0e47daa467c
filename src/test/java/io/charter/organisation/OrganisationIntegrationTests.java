package io.charter.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.organisation.web.ProfileForm;
import io.charter.shared.Role;

/** Who reaches the organisation page and API, what a save refuses, and that a save is seen at once. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Organisation organisation;
	@Autowired
	Profiles profiles;

	MockHttpSession as(Role role) throws Exception {
		return Fixtures.signIn(mvc, fixtures.user(role).email(), Fixtures.PASSWORD);
	}

	/** Other tests read the shipped profile: put back what a test changed. */
	@AfterEach
	void restore() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("test", null, "ROLE_ADMIN"));
		try {
			profiles.write(ProfileFields.normalised(OrganisationProfileUnitTests.shipped()), "test");
			organisation.changed(new OrganisationEvent.ProfileChanged("restored", "test", java.time.Instant.now()));
			jdbc.sql("delete from organisation_question where note is null").update();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void adminEditsPrivacyAndAuditorReadEmployeesAndStrangersDoNot() throws Exception {
		for (Role reader : new Role[] { Role.ADMIN, Role.PRIVACY, Role.AUDITOR }) {
			mvc.perform(get("/organisation").session(as(reader))).andExpect(status().isOk())
					.andExpect(content().string(containsString("value=\"0680957816\"")))
					.andExpect(content().string(containsString("Bomastraat 12a, 9000 Gand")))
					.andExpect(content().string(containsString("this is usually APD/GBA")))
					.andExpect(content().string(containsString("exists only in English")));
		}
		assertThat(organisation.profile().authorityLine(Locale.FRENCH)).as("the policy names no authority").isEmpty();
		mvc.perform(get("/organisation").session(as(Role.EMPLOYEE))).andExpect(status().isForbidden());
		mvc.perform(get("/organisation")).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		mvc.perform(post("/organisation").session(as(Role.PRIVACY)).with(csrf()).param("name", "Someone else"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/organisation/questions/dpoContact").session(as(Role.AUDITOR)).with(csrf()))
				.andExpect(status().isForbidden());
		assertThat(organisation.profile().name()).isEqualTo("WeGroup");
	}

	@Test
	void aSaveWithAWrongFieldSavesNothingAndSaysWhichField() throws Exception {
		MockHttpSession admin = as(Role.ADMIN);
		mvc.perform(post("/organisation").session(admin).with(csrf()).param("name", "WeGroup Renamed")
				.param("companyNumber", "0680.957.817").param("contactFormUrl", "wegroup.be/contact"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"org-companyNumber-error\"")))
				.andExpect(content().string(containsString("Belgian enterprise number")))
				.andExpect(content().string(containsString("id=\"org-contactFormUrl-error\"")))
				.andExpect(content().string(containsString("value=\"WeGroup Renamed\"")));
		assertThat(jdbc.sql("select name from organisation_profile").query(String.class).single()).isEqualTo("WeGroup");
		mvc.perform(post("/organisation").session(admin).param("name", "No token")).andExpect(status().isForbidden());
	}

	@Test
	void aSaveIsSeenAtOnceAndAudited() throws Exception {
		assertThat(organisation.profile().dpoContact()).isEmpty();
		mvc.perform(post("/organisation").session(as(Role.ADMIN)).with(csrf()).param("name", "WeGroup")
				.param("legalFormFr", "SA").param("legalFormNl", "NV").param("companyNumber", "BE 0680 957 816")
				.param("street", "Ottergemsesteenweg-Zuid 808").param("box", "372").param("cityFr", "Gand")
				.param("dpoContact", "dpo@wegroup.test").param("senderName", "WeGroup privacy"))
				.andExpect(redirectedUrl("/organisation"));
		OrganisationProfile profile = organisation.profile();
		assertThat(profile.dpoContact()).hasValue("dpo@wegroup.test");
		assertThat(profile.companyNumber()).hasValue("0680.957.816");
		assertThat(profile.address(Locale.forLanguageTag("nl"))).as("city cleared").isEmpty();
		assertThat(jdbc.sql("select company_number from organisation_profile").query(String.class).single())
				.isEqualTo("0680957816");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select summary from audit_entry where action = 'organisation.changed' order by seq desc limit 1")
				.query(String.class).single()).contains("dpoContact", "senderName").doesNotContain("dpo@wegroup.test"));
	}

	@Test
	void theAdminAnswersAQuestionOnce() throws Exception {
		MockHttpSession admin = as(Role.ADMIN);
		mvc.perform(get("/organisation").session(admin))
				.andExpect(content().string(containsString("action=\"/organisation/questions/dpoContact\"")));
		mvc.perform(post("/organisation/questions/dpoContact").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/organisation"));
		mvc.perform(get("/organisation").session(admin))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/organisation/questions/dpoContact"))));
		mvc.perform(post("/organisation/questions/dpoContact").session(admin).with(csrf()))
				.andExpect(status().isNotFound());
	}

	@Test
	void theApiReadsForTheReadersAndChangesForTheAdminWithProblemDetails() throws Exception {
		for (Role reader : new Role[] { Role.ADMIN, Role.PRIVACY, Role.AUDITOR }) {
			mvc.perform(get("/api/v1/organisation").header("Authorization", "Bearer " + fixtures.tokenFor(reader)))
					.andExpect(status().isOk()).andExpect(jsonPath("$.profile.name").value("WeGroup"))
					.andExpect(jsonPath("$.openQuestions[*].key", org.hamcrest.Matchers.hasItems("registered-address",
							"supervisory-authority", "policy-language")));
		}
		mvc.perform(get("/api/v1/organisation").header("Authorization", "Bearer " + fixtures.tokenFor(Role.EMPLOYEE)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/organisation")).andExpect(status().isUnauthorized());
		String body = """
				{"name": "WeGroup", "legalFormFr": "SA", "companyNumber": "0680.957.816", "senderEmail": "privacy@wegroup.test"}
				""";
		mvc.perform(put("/api/v1/organisation").header("Authorization", "Bearer " + fixtures.tokenFor(Role.PRIVACY))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		String admin = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		mvc.perform(put("/api/v1/organisation").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"\", \"companyNumber\": \"123\"}")).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[?(@.field == 'companyNumber')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
		assertThat(organisation.profile().legalName(Locale.FRENCH)).isEqualTo("WeGroup SA");
		mvc.perform(put("/api/v1/organisation").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isOk())
				.andExpect(jsonPath("$.profile.senderEmail").value("privacy@wegroup.test"))
				.andExpect(jsonPath("$.profile.legalFormNl").doesNotExist());
		assertThat(organisation.profile().senderEmail()).hasValue("privacy@wegroup.test");
		assertThat(organisation.profile().legalName(Locale.forLanguageTag("nl"))).isEqualTo("WeGroup");
	}
}
