package io.charter.rights.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.jayway.jsonpath.JsonPath;

import io.charter.Concurrently;
import io.charter.Fixtures;
import io.charter.platform.Secrets;
import io.charter.rights.RequestStatus;
import io.charter.rights.RightsTestBase;
import io.charter.rights.workflow.StaffSteps;
import io.charter.shared.Role;

/**
 * The requester withdraws their own request with the link in any letter sent while it is open: the
 * link shows a page, only its button withdraws; closed requests stay as they are.
 */
class WithdrawalLinkTests extends RightsTestBase {

	/** The path and query of the withdrawal link in a letter. */
	UUID register(String token, String json) throws Exception {
		String body = mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	@Test
	void theAssigneeHearsOfAWithdrawalInTheirOwnLanguage() throws Exception {
		String email = Fixtures.uniqueEmail("withdraws");
		fileOnForm("en", "ACCESS", "Wanda Withdraws", email, "", "");
		UUID id = requestOf(email);
		String link = withdrawLinkIn(bodyOf(awaitMail(email, "Confirm your request")));
		var assignee = fixtures.user(Fixtures.uniqueEmail("assignee"), "fr", Role.PRIVACY);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test",
				null, List.of(new SimpleGrantedAuthority("ROLE_PRIVACY"))));
		try {
			new StaffSteps(context).assign(id, assignee.id());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		String reference = jdbc.sql("select reference from rights_request where id = :id").param("id", id)
				.query(String.class).single();

		var page = mvc.perform(get(link)).andExpect(status().isOk()).andReturn();
		mvc.perform(post(link).session((MockHttpSession) page.getRequest().getSession(false))
				.param("_csrf", csrfOf(page.getResponse().getContentAsString()))).andExpect(status().isOk());
		assertThat(statusOf(id)).isEqualTo("WITHDRAWN");

		String notice = bodyOf(awaitMail(assignee.email(), "Retirée par la personne concernée : demande " + reference));
		assertThat(notice).contains("Bonjour", "/rights/requests/" + id).as("no more of the requester than the reference")
				.doesNotContain(email, "Wanda");
	}

	@Test
	void theConfirmationLinkOpensThePageInTheLanguageOfTheLetter() throws Exception {
		String email = Fixtures.uniqueEmail("bevestigt");
		fileOnForm("nl", "ACCESS", "Bart Bevestigt", email, "", "");
		String letter = bodyOf(awaitMail(email, "Bevestig uw verzoek"));
		String secret = secretIn(letter, "/privacy/requests/verify/");
		assertThat(letter).contains("/privacy/requests/verify/" + secret + "?lang=nl");

		mvc.perform(get("/privacy/requests/verify/" + secret + "?lang=nl")).andExpect(status().isOk())
				.andExpect(content().string(containsString("<h1>Bevestig uw verzoek</h1>")));
	}

	@Test
	void theRequesterWithdrawsWithTheLinkInTheirLetterInTheirLanguage() throws Exception {
		String email = Fixtures.uniqueEmail("intrekken");
		fileOnForm("nl", "ERASURE", "Lies Janssens", email, "", "Wis mijn gegevens");
		UUID id = requestOf(email);
		String letter = bodyOf(awaitMail(email, "Bevestig uw verzoek"));
		assertThat(letter).contains("dan kunt u het intrekken met deze link");
		String link = withdrawLinkIn(letter);
		String secret = link.substring("/privacy/requests/withdraw/".length(), link.indexOf('?'));
		assertThat(jdbc.sql("select count(*) from one_time_link where token_hash = :s or token_hash = :h")
				.param("s", secret).param("h", Secrets.hash(secret)).query(Long.class).single())
				.as("only the hash is stored").isEqualTo(1);

		// A mail scanner fetching the link withdraws nothing.
		mvc.perform(get(link)).andExpect(status().isOk());
		assertThat(statusOf(id)).isEqualTo("AWAITING_VERIFICATION");
		var page = mvc.perform(get(link)).andExpect(status().isOk())
				.andExpect(header().string("Referrer-Policy", "no-referrer"))
				.andExpect(content().string(containsString("Mijn verzoek intrekken")))
				.andExpect(content().string(not(containsString("<script")))).andReturn();
		MockHttpSession session = (MockHttpSession) page.getRequest().getSession(false);
		// Without the page's token (a forged form), nothing happens either.
		mvc.perform(post(link)).andExpect(redirectedUrl("/privacy/requests/withdraw/" + secret + "?expired"));
		assertThat(statusOf(id)).isEqualTo("AWAITING_VERIFICATION");

		mvc.perform(post(link).session(session).param("_csrf", csrfOf(page.getResponse().getContentAsString())))
				.andExpect(status().isOk()).andExpect(content().string(containsString("is ingetrokken")));
		assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
		assertThat(jdbc.sql("select actor || ' ' || kind from rights_step where request_id = :id order by at desc limit 1")
				.param("id", id).query(String.class).single()).isEqualTo("requester withdrawn");
		assertThat(bodyOf(awaitMail(email, "is ingetrokken"))).contains("Hallo Lies Janssens")
				.doesNotContain("/privacy/requests/withdraw/");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select actor from audit_entry where entity_id = :id and action = 'data-subject-request.withdrawn'""")
				.param("id", id.toString()).query(String.class).single()).isEqualTo("requester"));
		// The verification link of the withdrawn request no longer confirms it.
		String verify = secretIn(letter, "/privacy/requests/verify/");
		mvc.perform(post("/privacy/requests/verify/" + verify).with(csrf()))
				.andExpect(content().string(containsString("unknown, already used or expired")));
		assertThat(statusOf(id)).isEqualTo("WITHDRAWN");

		// A second click says it is closed; staff see the withdrawal.
		mvc.perform(post(link).session(session).param("_csrf", csrfOf(page.getResponse().getContentAsString())))
				.andExpect(content().string(containsString("is al afgesloten (ingetrokken)")));
		MockHttpSession officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		mvc.perform(get("/rights/requests/" + id).session(officer))
				.andExpect(content().string(containsString("withdrawn by the requester with the link in our e-mail")))
				.andExpect(content().string(containsString("requester")));
	}

	@Test
	void everyLetterOnAnOpenRequestCarriesALinkAndAClosedRequestCannotBeWithdrawn() throws Exception {
		String token = fixtures.tokenFor(Role.PRIVACY);
		String email = Fixtures.uniqueEmail("too-late");
		UUID id = register(token, """
				{"type": "ACCESS", "name": "Tom Late", "email": "%s", "channel": "EMAIL"}""".formatted(email));
		String received = withdrawLinkIn(bodyOf(awaitMail(email, "We received your request")));
		mvc.perform(post("/api/v1/rights/requests/" + id + "/ask").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content("{\"message\": \"Which account?\"}"))
				.andExpect(status().isOk());
		String asked = withdrawLinkIn(bodyOf(awaitMail(email, "We need information")));
		Set<String> links = new HashSet<>(List.of(received, asked));
		assertThat(links).as("each letter has a link of its own").hasSize(2);
		for (String step : List.of("resume", "verify")) {
			mvc.perform(post("/api/v1/rights/requests/" + id + "/" + step).header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON).content("{\"means\": \"reply from the address on file\"}"))
					.andExpect(status().isOk());
		}
		mvc.perform(post("/api/v1/rights/requests/" + id + "/complete").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"Here is what we hold.\"}"))
				.andExpect(status().isOk());
		assertThat(bodyOf(awaitMail(email, "our answer"))).as("a closing letter has no link")
				.doesNotContain("/privacy/requests/withdraw/");

		var page = mvc.perform(get(received)).andExpect(status().isOk())
				.andExpect(content().string(containsString("is already closed (completed): it can no longer be withdrawn")))
				.andExpect(content().string(not(containsString("Withdraw my request")))).andReturn();
		mvc.perform(post(asked).session((MockHttpSession) page.getRequest().getSession()).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("is already closed (completed)")));
		assertThat(statusOf(id)).isEqualTo("COMPLETED");
		mvc.perform(get("/privacy/requests/withdraw/" + "A".repeat(43))).andExpect(status().isOk())
				.andExpect(content().string(containsString("This link is unknown or expired.")));
	}

	@Test
	void aWithdrawalLinkUsedSixTimesAtOnceWithdrawsOnce() throws Exception {
		String email = Fixtures.uniqueEmail("race-withdraw");
		fileOnForm("en", "ACCESS", "Rory Race", email, "", "");
		UUID id = requestOf(email);
		String link = withdrawLinkIn(bodyOf(awaitMail(email, "Confirm your request")));
		String secret = link.substring("/privacy/requests/withdraw/".length(), link.indexOf('?'));
		RequestIntake intake = context.getBean(RequestIntake.class);

		List<Object> answers = Concurrently.run(6, i -> intake.withdraw(secret).orElseThrow());

		assertThat(answers).as("every use is answered").allSatisfy(a -> assertThat(a).isInstanceOf(RequestIntake.Withdrawal.class));
		assertThat(answers).filteredOn(a -> ((RequestIntake.Withdrawal) a).withdrawnNow()).as("uses that withdrew").hasSize(1);
		assertThat(answers).allSatisfy(a -> assertThat(((RequestIntake.Withdrawal) a).status()).isEqualTo(RequestStatus.WITHDRAWN));
		assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
		assertThat(jdbc.sql("select count(*) from rights_step where request_id = :id and kind = 'withdrawn'").param("id", id)
				.query(Long.class).single()).as("withdrawals in the history").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :e and template = 'rights-withdrawn'")
				.param("e", email).query(Long.class).single()).as("confirmations of the withdrawal").isEqualTo(1);
	}

	@Test
	void aConfirmationLinkUsedSixTimesAtOnceConfirmsOnce() throws Exception {
		String email = Fixtures.uniqueEmail("race-confirm");
		fileOnForm("en", "ACCESS", "Cora Race", email, "", "");
		UUID id = requestOf(email);
		String secret = secretIn(bodyOf(awaitMail(email, "Confirm your request")), "/privacy/requests/verify/");
		RequestIntake intake = context.getBean(RequestIntake.class);

		List<Object> answers = Concurrently.run(6, i -> intake.confirm(secret));

		assertThat(answers).as("every use is answered").allSatisfy(a -> assertThat(a).isInstanceOf(Optional.class));
		assertThat(answers).filteredOn(a -> ((Optional<?>) a).isPresent()).as("uses that confirmed").hasSize(1);
		assertThat(statusOf(id)).isEqualTo("VERIFIED");
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :e and template = 'rights-received'")
				.param("e", email).query(Long.class).single()).as("acknowledgements").isEqualTo(1);
	}
}
