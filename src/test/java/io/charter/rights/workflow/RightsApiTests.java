package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.rights.RightsTestBase;
import io.charter.shared.Role;

/** The staff API and pages: who may read and change what, problem details, the dashboard order. */
class RightsApiTests extends RightsTestBase {

	static String registration(String email, String receivedOn) {
		return """
				{"type": "ACCESS", "name": "Marie Martin", "email": "%s", "channel": "POST", "receivedOn": "%s",
				 "details": "Letter of 4 March"}""".formatted(email, receivedOn);
	}

	@Test
	void registersARequestAndAnswersWithTheDueDate() throws Exception {
		String token = fixtures.tokenFor(Role.PRIVACY);
		String email = Fixtures.uniqueEmail("api");
		String body = mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content(registration(email, "2025-03-05")))
				.andExpect(status().isCreated()).andExpect(header().string("Location", containsString("/api/v1/rights/requests/")))
				.andExpect(jsonPath("$.receivedOn").value("2025-03-05")).andExpect(jsonPath("$.dueOn").value("2025-04-07"))
				.andExpect(jsonPath("$.status").value("RECEIVED")).andExpect(jsonPath("$.channel").value("POST"))
				.andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.startsWith("DSR-")))
				.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		mvc.perform(get("/api/v1/rights/requests/" + id).header("Authorization", "Bearer " + token))
				.andExpect(status().isOk()).andExpect(jsonPath("$.email").value(email))
				.andExpect(jsonPath("$.history[0].kind").value("received"));
		List<String> open = JsonPath.read(mvc.perform(get("/api/v1/rights/requests").header("Authorization", "Bearer " + token))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[*].id");
		assertThat(open).contains(id);
		// A 31 August receipt is due on 30 September.
		mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content(registration(Fixtures.uniqueEmail("api"), "2025-08-31")))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.dueOn").value("2025-09-30"));
	}

	@Test
	void badInputIsAProblemDetailAndNothingIsStored() throws Exception {
		String token = fixtures.tokenFor(Role.PRIVACY);
		String email = Fixtures.uniqueEmail("api-bad");
		mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\": \"ACCESS\", \"name\": \"\", \"email\": \"nope\", \"channel\": \"FAX\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\": \"ACCESS\", \"name\": \"\", \"email\": \"nope\", \"channel\": \"EMAIL\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field",
						org.hamcrest.Matchers.containsInAnyOrder("name", "email")));
		String tomorrow = LocalDate.now().plusDays(2).toString();
		mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content(registration(email, tomorrow)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("The date of receipt cannot be in the future."));
		assertThat(jdbc.sql("select count(*) from rights_request where email = :e").param("e", email).query(Long.class)
				.single()).isZero();
		mvc.perform(get("/api/v1/rights/requests/" + UUID.randomUUID()).header("Authorization", "Bearer " + token))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void privacyAndAdminChangeAuditorsReadOthersSeeNothing() throws Exception {
		String email = Fixtures.uniqueEmail("roles");
		mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + fixtures.tokenFor(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON).content(registration(email, "2025-03-05")))
				.andExpect(status().isCreated());
		String auditor = fixtures.tokenFor(Role.AUDITOR);
		mvc.perform(get("/api/v1/rights/requests").header("Authorization", "Bearer " + auditor)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + auditor)
				.contentType(MediaType.APPLICATION_JSON).content(registration(Fixtures.uniqueEmail("roles"), "2025-03-05")))
				.andExpect(status().isForbidden());
		String employee = fixtures.tokenFor(Role.EMPLOYEE);
		mvc.perform(get("/api/v1/rights/requests").header("Authorization", "Bearer " + employee))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rights/requests")).andExpect(status().isUnauthorized());

		UUID id = requestOf(email);
		MockHttpSession auditorPage = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/rights/requests/" + id).session(auditorPage)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/complete\""))));
		mvc.perform(post("/rights/requests/" + id + "/note").session(auditorPage).with(csrf()).param("text", "hi"))
				.andExpect(status().isForbidden());
		MockHttpSession employeePage = Fixtures.signIn(mvc, fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		mvc.perform(get("/rights").session(employeePage)).andExpect(status().isForbidden());
	}

	@Test
	void theDashboardListsOpenRequestsByDueDateAndMarksTheOverdue() throws Exception {
		MockHttpSession officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String later = Fixtures.uniqueEmail("later");
		String overdue = Fixtures.uniqueEmail("overdue");
		for (String[] r : List.of(new String[] { later, LocalDate.now().toString() },
				new String[] { overdue, LocalDate.now().minusDays(60).toString() })) {
			mvc.perform(post("/rights/requests").session(officer).with(csrf()).param("type", "ERASURE").param("channel", "PHONE")
					.param("receivedOn", r[1]).param("name", "Dash " + r[0]).param("email", r[0]).param("language", "en"))
					.andExpect(status().is3xxRedirection());
		}
		String page = mvc.perform(get("/rights").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		int overdueRow = page.indexOf("Dash " + overdue);
		int laterRow = page.indexOf("Dash " + later);
		assertThat(overdueRow).isPositive().isLessThan(laterRow);
		String row = page.substring(page.lastIndexOf("<tr", overdueRow), overdueRow);
		assertThat(row).contains("class=\"failure\"", "overdue by");
		assertThat(page.substring(page.lastIndexOf("<tr", laterRow), laterRow)).doesNotContain("failure");
	}
}
