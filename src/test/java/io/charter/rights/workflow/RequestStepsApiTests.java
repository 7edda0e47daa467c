package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.rights.RightsTestBase;
import io.charter.rights.RightsTestSetup;
import io.charter.shared.Role;

/**
 * The workflow steps through the REST API with a bearer token, on the real database: the same
 * transitions, letters and records as the request page, problem details for bad input (400), an
 * unknown request (404) and a step the state does not allow (409).
 */
class RequestStepsApiTests extends RightsTestBase {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	UUID register(String token, String json) throws Exception {
		String body = mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	ResultActions step(String token, UUID id, String step, String json) throws Exception {
		var request = post("/api/v1/rights/requests/" + id + "/" + step).header("Authorization", "Bearer " + token);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	@Test
	void walksAnAccessRequestFromQuestionToCompletion() throws Exception {
		String token = fixtures.tokenFor(Role.PRIVACY);
		RightsTestSetup.CLOCK.set(LocalDate.of(2025, 3, 6).atTime(10, 0).atZone(BRUSSELS).toInstant());
		UUID colleague = fixtures.user(Role.PRIVACY).id();
		String email = Fixtures.uniqueEmail("api-flow");
		UUID id = register(token, """
				{"type": "ACCESS", "name": "Alex Api", "email": "%s", "channel": "EMAIL", "receivedOn": "2025-03-05"}"""
				.formatted(email));

		step(token, id, "assign", "{\"assigneeId\": \"" + colleague + "\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.assigneeId").value(colleague.toString()));
		step(token, id, "note", "{\"text\": \"Called back, wants everything\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.history[*].text", hasItem("Called back, wants everything")));
		step(token, id, "ask", "{\"message\": \"Which of your accounts?\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("WAITING_FOR_REQUESTER"))
				.andExpect(jsonPath("$.actions.resume").value(true));
		assertThat(bodyOf(awaitMail(email, "We need information"))).contains("Which of your accounts?");
		RightsTestSetup.CLOCK.advance(Duration.ofDays(4));
		// 5 April 2025 (Saturday) + 4 days suspended: Wednesday 9 April 2025.
		step(token, id, "resume", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECEIVED"))
				.andExpect(jsonPath("$.suspendedDays").value(4)).andExpect(jsonPath("$.dueOn").value("2025-04-09"));
		step(token, id, "verify", "{\"means\": \"reply from the address on file\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("VERIFIED"))
				.andExpect(jsonPath("$.verificationMeans").value("reply from the address on file"));
		step(token, id, "start", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		step(token, id, "extend", "{\"reason\": \"Archived systems to search\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("EXTENDED")).andExpect(jsonPath("$.extended").value(true));
		assertThat(bodyOf(awaitMail(email, "extension of the period"))).contains("Archived systems to search");
		step(token, id, "package", null).andExpect(status().isOk()).andExpect(jsonPath("$.packages.length()").value(1));
		awaitMail(email, "your personal data");
		step(token, id, "complete", "{\"answer\": \"Your data were sent on 10 March.\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("COMPLETED"))
				.andExpect(jsonPath("$.closingText").value("Your data were sent on 10 March."));
		assertThat(bodyOf(awaitMail(email, "our answer"))).contains("Your data were sent on 10 March.");

		// Closed: a step is a conflict, a note is still welcome.
		step(token, id, "refuse", "{\"reasons\": \"Too late\"}").andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("The request is already closed (completed).")).andExpect(jsonPath("$.code").value("rights.refused.already-closed"));
		step(token, id, "note", "{\"text\": \"Thanked us by phone\"}").andExpect(status().isOk());
		assertThat(statusOf(id)).isEqualTo("COMPLETED");
		// The steps are audited like the page's, by the token's user.
		assertThat(jdbc.sql("select kind from rights_step where request_id = :id and actor like 'user:%/token:%' order by at")
				.param("id", id).query(String.class).list()).contains("assigned", "note", "info-requested", "resumed",
						"verified", "started", "extended", "package-sent", "completed");
	}

	@Test
	void badInputUnknownRequestsAndStepsTheStateRefusesAreProblemDetails() throws Exception {
		String token = fixtures.tokenFor(Role.ADMIN);
		RightsTestSetup.CLOCK.set(LocalDate.of(2025, 4, 14).atTime(10, 0).atZone(BRUSSELS).toInstant());
		UUID id = register(token, """
				{"type": "ACCESS", "name": "Bea", "email": "%s", "channel": "POST", "receivedOn": "2025-03-05"}"""
				.formatted(Fixtures.uniqueEmail("api-bad-step")));

		step(token, id, "verify", "{\"means\": \"\"}").andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("means"));
		step(token, id, "refuse", "{\"reasons\": \"" + "x".repeat(5001) + "\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		step(token, id, "complete", "").andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		step(token, id, "assign", "{\"assigneeId\": \"" + UUID.randomUUID() + "\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("Requests can be assigned to active PRIVACY or ADMIN users only."));
		step(token, UUID.randomUUID(), "start", null).andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		step(token, id, "start", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value("Only a verified request can be started."));
		step(token, id, "package", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value("Verify the requester's identity first."));
		step(token, id, "resume", null).andExpect(status().isConflict());
		// The first month ended on Monday 7 April 2025.
		step(token, id, "extend", "{\"reason\": \"Busy\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("by 7 April 2025")));
		step(token, id, "verify", "{\"means\": \"signed letter\"}").andExpect(status().isOk());
		step(token, id, "erase", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value("This step does not apply to a request of this type (Access to my data)."));
		step(token, id, "verify", "{\"means\": \"again\"}").andExpect(status().isConflict());
		assertThat(statusOf(id)).isEqualTo("VERIFIED");
	}

	@Test
	void erasureWaitsForTheConnectedSystemUntilStaffOverrideItWithAReason() throws Exception {
		String token = fixtures.tokenFor(Role.PRIVACY);
		String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
		holder.addVisit(visitor, "/en/api");
		UUID id = register(token, """
				{"type": "ERASURE", "name": "Erik", "email": "%s", "channel": "EMAIL", "visitorId": "%s"}"""
				.formatted(Fixtures.uniqueEmail("api-erase"), visitor));
		step(token, id, "verify", "{\"means\": \"reply from the address on file\"}").andExpect(status().isOk());
		step(token, id, "erase", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"))
				.andExpect(jsonPath("$.fulfilment[?(@.holder == 'test-visitors')].outcome", hasItem("DONE")));
		assertThat(holder.visitsByVisitor).doesNotContainKey(visitor);
		step(token, id, "exception", "{\"system\": \"accounting\", \"detail\": \"Invoices kept 7 years\"}")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.fulfilment[?(@.holder == 'accounting')].detail", hasItem("Invoices kept 7 years")));
		step(token, id, "complete", "{\"answer\": \"Erased.\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("Waiting for connected systems to report: crm")));
		step(token, id, "notify-systems", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.systemTasks[0].system").value("crm"))
				.andExpect(jsonPath("$.systemTasks[0].status").value("PENDING"));
		step(token, id, "notify-systems", null).andExpect(status().isConflict());
		step(token, id, "override-system", "{\"system\": \"crm\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		step(token, id, "override-system", "{\"system\": \"billing\", \"reason\": \"n/a\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("No system billing is connected for requests of this type (Erasure)."));
		step(token, id, "override-system", "{\"system\": \"crm\", \"reason\": \"Erik is no CRM contact\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.systemTasks[0].status").value("OVERRIDDEN"));
		step(token, id, "complete", "{\"answer\": \"Erased.\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("COMPLETED"));
	}

	@Test
	void restrictionConsentWithdrawalRefusalAndWithdrawalThroughTheApi() throws Exception {
		String token = fixtures.tokenFor(Role.PRIVACY);
		String email = Fixtures.uniqueEmail("api-objects");
		holder.subscriptionsByEmail.put(email, "offers");
		UUID objection = register(token, """
				{"type": "OBJECTION", "name": "Olga", "email": "%s", "channel": "EMAIL"}""".formatted(email));
		step(token, objection, "verify", "{\"means\": \"reply from the address on file\"}").andExpect(status().isOk());
		step(token, objection, "restrict", null).andExpect(status().isOk());
		assertThat(holder.restricted).contains(email);

		String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
		UUID withdrawal = register(token, """
				{"type": "WITHDRAWAL", "name": "Wout", "email": "%s", "channel": "PHONE", "visitorId": "%s"}"""
				.formatted(Fixtures.uniqueEmail("api-consent"), visitor));
		step(token, withdrawal, "verify", "{\"means\": \"confirmed by phone\"}").andExpect(status().isOk());
		step(token, withdrawal, "withdraw-consent", null).andExpect(status().isOk());
		assertThat(holder.withdrawn).contains(visitor);

		String refusedEmail = Fixtures.uniqueEmail("api-refused");
		UUID refused = register(token, """
				{"type": "ACCESS", "name": "Rik", "email": "%s", "channel": "EMAIL"}""".formatted(refusedEmail));
		step(token, refused, "refuse", "{\"reasons\": \"The twelfth identical request this month.\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"));
		assertThat(bodyOf(awaitMail(refusedEmail, "we cannot act on it"))).contains("The twelfth identical request");

		UUID withdrawn = register(token, """
				{"type": "ACCESS", "name": "Wim", "email": "%s", "channel": "EMAIL"}""".formatted(Fixtures.uniqueEmail("api-gone")));
		step(token, withdrawn, "send-link", null).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("AWAITING_VERIFICATION"));
		step(token, withdrawn, "withdraw", "{\"reason\": \"Wim called: sent by mistake\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("WITHDRAWN"));
	}

	@Test
	void auditorsReadEverythingAndChangeNothing() throws Exception {
		UUID id = register(fixtures.tokenFor(Role.PRIVACY), """
				{"type": "ACCESS", "name": "Ada", "email": "%s", "channel": "EMAIL"}""".formatted(Fixtures.uniqueEmail("api-audit")));
		String auditor = fixtures.tokenFor(Role.AUDITOR);
		mvc.perform(get("/api/v1/rights/requests/" + id + "/data-held").header("Authorization", "Bearer " + auditor))
				.andExpect(status().isOk()).andExpect(jsonPath("$[*].holder", hasItem("test-visitors")));
		step(auditor, id, "verify", "{\"means\": \"looked at it\"}").andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		step(auditor, id, "note", "{\"text\": \"hi\"}").andExpect(status().isForbidden());
		step(fixtures.tokenFor(Role.EMPLOYEE), id, "start", null).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rights/requests/" + id + "/data-held")).andExpect(status().isUnauthorized());
		assertThat(statusOf(id)).isEqualTo("RECEIVED");
		assertThat(jdbc.sql("select count(*) from rights_step where request_id = :id").param("id", id).query(Long.class)
				.single()).isEqualTo(1);
	}
}
