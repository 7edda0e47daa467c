package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.rights.Letters;
import io.charter.rights.RightsTestBase;
import io.charter.rights.RightsTestSetup;
import io.charter.shared.Role;

/**
 * Charter tells the requester and the staff only what is true: an erasure is answered only once it
 * ran (or was excused) in every module, and the answer says what each did; a request registered
 * late is acknowledged as late; staff see what became of each letter.
 */
class TruthfulAnswersTests extends RightsTestBase {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	MockHttpSession officer;
	@org.springframework.beans.factory.annotation.Autowired
	Letters letters;

	UUID register(String json) throws Exception {
		String body = mvc.perform(post("/api/v1/rights/requests").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	ResultActions step(UUID id, String action, String... params) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/rights/requests/" + id + "/" + action).session(officer).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(redirectedUrl("/rights/requests/" + id));
	}

	void act(UUID id, String action, String... params) throws Exception {
		step(id, action, params).andExpect(flash().attribute("notice", "rights.done." + action));
	}

	@Test
	void anErasureIsAnsweredOnlyOnceEveryModuleErasedOrSaidWhyNotAndTheLetterSaysWhat() throws Exception {
		officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String email = Fixtures.uniqueEmail("truth-erase");
		String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
		holder.addVisit(visitor, "/fr/produits");
		UUID id = register("""
				{"type": "ERASURE", "name": "Eva Effacée", "email": "%s", "channel": "EMAIL", "language": "fr",
				 "visitorId": "%s"}""".formatted(email, visitor));
		act(id, "verify", "text", "reply from the address on file");
		act(id, "override-system", "system", "crm", "text", "Eva is no CRM contact.");

		// Not run anywhere yet: refused, on the page and in the API.
		step(id, "complete", "text", "Vos données ont été effacées.").andExpect(flash().attribute("failure",
				containsString("has not run in every module: " + everyHolder() + ".")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/rights/requests/" + id + "/complete").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"Effacé.\"}"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("test-visitors")));
		assertThat(statusOf(id)).isEqualTo("VERIFIED");

		// The erasure asks for confirmation first.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/rights/requests/" + id + "/erase").session(officer).with(csrf()))
				.andExpect(redirectedUrl("/rights/requests/" + id + "/erase"));
		assertThat(holder.visitsByVisitor).containsKey(visitor);
		mvc.perform(get("/rights/requests/" + id + "/erase").session(officer))
				.andExpect(content().string(containsString("name=\"confirmed\" value=\"yes\"")));

		// A module that failed stands in the way until it is run again or excused with a reason.
		holder.failing = true;
		try {
			act(id, "erase", "confirmed", "yes");
		}
		finally {
			holder.failing = false;
		}
		assertThat(holder.visitsByVisitor).containsKey(visitor);
		step(id, "complete", "text", "Vos données ont été effacées.")
				.andExpect(flash().attribute("failure", containsString("has not run in every module: test-visitors")));
		step(id, "exception", "system", "test-visitors", "reason", "OTHER")
				.andExpect(flash().attribute("failure", containsString("Say what was kept")));
		act(id, "exception", "system", "test-visitors", "reason", "LEGAL_HOLD", "text",
				"Factures conservées 7 ans (droit fiscal).");
		act(id, "exception", "system", "archive", "reason", "NOTHING_HELD");
		act(id, "complete", "text", "Vos données ont été effacées.");
		assertThat(statusOf(id)).isEqualTo("COMPLETED");

		String answer = bodyOf(awaitMail(email, "notre réponse"));
		assertThat(answer).contains("Vos données ont été effacées.\n\nCe que nous avons fait, système par système :\n",
				"- archive : nous ne détenions aucune donnée vous concernant.",
				"- Vos choix en matière de cookies : nous ne détenions aucune donnée vous concernant.",
				"- Vos demandes : effacé (0 enregistrement(s)) ; conservé : la trace de vos demandes, pour prouver",
				"- Votre compte de membre du personnel : nous ne détenions aucune donnée vous concernant.",
				"- test-visitors : conservé, car la loi nous oblige à conserver ces données. Factures conservées 7 ans (droit fiscal).");
	}

	@Test
	void aFrenchAnswerSaysWhatEachModuleDidInFrenchNeverInTheModulesEnglishDetail() throws Exception {
		officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		// A staff member asks: their account, their requests and their visits are held.
		String email = fixtures.user(Fixtures.uniqueEmail("truth-staff"), "fr", Role.EMPLOYEE).email();
		holder.subscriptionsByEmail.put(email, "news");
		String restricted = answeredInFrench("RESTRICTION", email, "restrict");
		assertThat(restricted).contains(
				"- Vos demandes : rien à limiter : la trace de vos demandes ne sert qu’à les traiter et à prouver que nous l’avons fait.",
				"- Votre compte de membre du personnel : conservé mais plus utilisé, sauf dans les cas prévus par la loi (1 enregistrement(s)).",
				"- Vos choix en matière de cookies : nous ne détenions aucune donnée vous concernant.")
				.doesNotContain("Request records", "Account deactivated", "serve only");

		String erased = answeredInFrench("ERASURE", email, "override-system", "system", "crm", "text", "No CRM contact.");
		assertThat(erased).contains(
				"- Vos demandes : effacé (0 enregistrement(s)) ; conservé : la trace de vos demandes, pour prouver que nous les avons traitées",
				"- Votre compte de membre du personnel : effacé (1 enregistrement(s)).",
				"- test-visitors : effacé (1 enregistrement(s)).")
				.doesNotContain("kept as proof", "request record(s)", "Account anonymised");
	}

	@Test
	void aRefusedStepIsShownInTheUsersLanguageAndTheApiGivesItsCode() throws Exception {
		officer = Fixtures.signIn(mvc, fixtures.user(Fixtures.uniqueEmail("officier"), "fr", Role.PRIVACY).email(),
				Fixtures.PASSWORD);
		UUID id = register("""
				{"type": "ERASURE", "name": "Firmin Refusé", "email": "%s", "channel": "EMAIL", "language": "fr"}"""
				.formatted(Fixtures.uniqueEmail("truth-refused")));
		step(id, "start").andExpect(flash().attribute("failure", "Seule une demande vérifiée peut être commencée."));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/rights/requests/" + id + "/start").session(officer).with(csrf()))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("Only a verified request can be started."))
				.andExpect(jsonPath("$.code").value("rights.refused.verified-request-started"));
		act(id, "verify", "text", "reply from the address on file");
		act(id, "override-system", "system", "crm", "text", "No CRM contact.");
		step(id, "complete", "text", "Effacé.").andExpect(flash().attribute("failure", containsString(
				"L’effacement n’a pas été exécuté dans chaque module : " + everyHolder() + ".")));
	}

	@Test
	void lettersNameTheSupervisoryAuthorityOfTheOrganisationProfile() throws Exception {
		withProfile(java.util.Map.of("authorityNameFr", "Autorité de test du profil", "authorityAddressFr",
				"Rue du Test 1, 1000 Bruxelles"), () -> {
			String email = Fixtures.uniqueEmail("truth-authority");
			register("""
					{"type": "ACCESS", "name": "Alix Autorité", "email": "%s", "channel": "EMAIL", "language": "fr"}"""
					.formatted(email));
			assertThat(bodyOf(awaitMail(email, "Nous avons reçu votre demande"))).contains(
					"auprès d'une autorité de contrôle, en particulier dans l'État membre de votre résidence habituelle, de"
							+ " votre lieu de travail ou du lieu où la violation aurait été commise (RGPD, art. 77) ; en Belgique :"
							+ " Autorité de test du profil, Rue du Test 1, 1000 Bruxelles")
					.doesNotContain("Rue de la Presse");
		});
	}

	/**
	 * Where the profile names no supervisory authority and no Belgian registration, no public text
	 * invents them: the letters, the form and the cookie declaration state the rights of art. 77 and
	 * 79 without naming an authority or a court (the admin sees the empty fields as open questions).
	 */
	@Test
	void withoutAnAuthorityOrABelgianRegistrationNoPublicTextNamesOne() throws Exception {
		java.util.Map<String, Object> cleared = new java.util.HashMap<>();
		for (String field : java.util.List.of("companyNumber", "authorityNameFr", "authorityNameNl", "authorityNameEn",
				"authorityAddressFr", "authorityAddressNl", "authorityAddressEn", "authorityUrlFr", "authorityUrlNl",
				"authorityUrlEn")) {
			cleared.put(field, null);
		}
		withProfile(cleared, () -> {
			String email = Fixtures.uniqueEmail("truth-no-authority");
			register("""
					{"type": "ACCESS", "name": "Nina Nobody", "email": "%s", "channel": "EMAIL", "language": "en"}"""
					.formatted(email));
			assertThat(bodyOf(awaitMail(email, "We received your request"))).contains(
					"You have the right to lodge a complaint with a supervisory authority, in particular in the Member State"
							+ " of your habitual residence, place of work or place of the alleged infringement (GDPR art. 77).")
					.doesNotContain("Data Protection Authority", "Rue de la Presse");
			assertThat(letters.remedy("nl")).contains("AVG, art. 79", "lidstaat").doesNotContain("België");
			String form = mvc.perform(get("/privacy/requests").param("lang", "fr")).andExpect(status().isOk()).andReturn()
					.getResponse().getContentAsString();
			assertThat(form).contains("auprès d'une autorité de contrôle, en particulier dans l'État membre")
					.doesNotContain("Autorité de protection des données", "Rue de la Presse");
			String declaration = mvc.perform(get("/c/wegroup-be/declaration").param("lang", "nl"))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(declaration).contains("U kunt een klacht indienen bij een toezichthoudende autoriteit, met name")
					.doesNotContain("Gegevensbeschermingsautoriteit", "Drukpersstraat");
		});
		assertThat(letters.remedy("fr")).as("registered in Belgium again").contains("en Belgique");
	}

	/**
	 * The acknowledgement (art. 12(3)) names the controller, the date by which we answer and that the
	 * period may be extended by two further months with reasons, in the requester's language.
	 */
	@Test
	void theAcknowledgementNamesTheControllerTheDeadlineAndTheExtensionInEachLanguage() throws Exception {
		officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		java.util.Map<String, java.util.List<String>> expected = java.util.Map.of(
				"en", java.util.List.of("We received your request", "We will answer by %s at the latest",
						"extend this period by two further months", "with the reasons", "lodge a complaint with a supervisory authority, in particular in the Member State", "\nWeGroup"),
				"fr", java.util.List.of("Nous avons reçu votre demande", "au plus tard le %s",
						"prolongé de deux mois", "avec les motifs", "auprès d'une autorité de contrôle, en particulier dans l'État membre", "\nWeGroup SA"),
				"nl", java.util.List.of("Wij ontvingen uw verzoek", "uiterlijk op %s",
						"met nog eens twee maanden", "met de redenen", "klacht in te dienen bij een toezichthoudende autoriteit, met name in de lidstaat", "\nWeGroup NV"));
		for (var language : expected.entrySet()) {
			String email = Fixtures.uniqueEmail("ack-" + language.getKey());
			// Received today on the test clock, so the request is in time whatever other tests did to the clock.
			UUID id = register("""
					{"type": "ACCESS", "name": "Ada", "email": "%s", "channel": "EMAIL", "language": "%s"}"""
					.formatted(email, language.getKey()));
			LocalDate due = jdbc.sql("select due_on from rights_request where id = :id").param("id", id)
					.query(LocalDate.class).single();
			java.util.List<String> words = new java.util.ArrayList<>(language.getValue());
			words.set(1, words.get(1).formatted(Letters.date(due, language.getKey())));
			String body = bodyOf(awaitMail(email, words.get(0))).replace("\r\n", "\n");
			assertThat(body).as(language.getKey()).contains(words.subList(1, words.size()));
		}
	}

	interface ProfileWork {
		void run() throws Exception;
	}

	/** Runs the work with the organisation profile changed as given, then puts the shipped profile back. */
	void withProfile(java.util.Map<String, Object> changes, ProfileWork work) throws Exception {
		String admin = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		String shipped = mvc.perform(get("/api/v1/organisation").header("Authorization", admin))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		java.util.Map<String, Object> profile = JsonPath.read(shipped, "$.profile");
		var json = new tools.jackson.databind.json.JsonMapper();
		var changed = new java.util.HashMap<>(profile);
		changed.putAll(changes);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/organisation")
				.header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(changed))).andExpect(status().isOk());
		try {
			officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
			work.run();
		}
		finally {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/organisation")
					.header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
					.content(json.writeValueAsString(profile))).andExpect(status().isOk());
		}
	}

	/** Registers a request in French, verifies it, takes the step (and for an erasure erases), completes it. */
	String answeredInFrench(String type, String email, String action, String... params) throws Exception {
		UUID id = register("""
				{"type": "%s", "name": "Rémi Répondu", "email": "%s", "channel": "EMAIL", "language": "fr"}"""
				.formatted(type, email));
		act(id, "verify", "text", "reply from the address on file");
		act(id, action, params);
		if (type.equals("ERASURE")) {
			act(id, "erase", "confirmed", "yes");
		}
		act(id, "complete", "text", "Voici notre réponse.");
		return bodyOf(awaitMail(email, "Votre demande " + referenceOf(id)));
	}

	String referenceOf(UUID id) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/rights/requests/" + id).session(officer)).andReturn().getResponse()
				.getContentAsString(), "$.reference");
	}

	@Test
	void aRequestRegisteredLateIsAcknowledgedAsLateNeverWithAPastDate() throws Exception {
		RightsTestSetup.CLOCK.set(LocalDate.of(2025, 6, 2).atTime(10, 0).atZone(BRUSSELS).toInstant());
		officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		// Received 10 March 2025 (a letter found late): it was due on 10 April.
		String promised = Fixtures.uniqueEmail("late-promised");
		register("""
				{"type": "ACCESS", "name": "Lou Late", "email": "%s", "channel": "POST", "receivedOn": "2025-03-10",
				 "answerBy": "2025-06-13"}""".formatted(promised));
		String letter = bodyOf(awaitMail(promised, "our answer is late"));
		assertThat(letter).contains("on Monday 10 March 2025", "by Thursday 10 April 2025, and that date has passed",
				"We will answer it by Friday 13 June 2025 at the latest.").doesNotContain("We will answer by Thursday");
		assertThat(mailsTo(promised)).hasSize(1);

		String unpromised = Fixtures.uniqueEmail("late-asap");
		UUID id = register("""
				{"type": "ACCESS", "name": "Léa Late", "email": "%s", "channel": "POST", "receivedOn": "2025-03-10",
				 "language": "fr"}""".formatted(unpromised));
		assertThat(bodyOf(awaitMail(unpromised, "notre réponse est en retard")))
				.contains("Nous y répondrons dans les meilleurs délais.");
		mvc.perform(get("/rights/requests/" + id).session(officer))
				.andExpect(content().string(containsString("late acknowledgement queued (rights-received-late, fr)")));

		// A promise in the past is refused; a request still in time gets the usual acknowledgement.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/rights/requests")
				.session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
						{"type": "ACCESS", "name": "Past", "email": "%s", "channel": "POST", "receivedOn": "2025-03-10",
						 "answerBy": "2025-06-01"}""".formatted(Fixtures.uniqueEmail("late-past"))))
				.andExpect(status().isBadRequest());
		String inTime = Fixtures.uniqueEmail("in-time");
		register("""
				{"type": "ACCESS", "name": "Tim", "email": "%s", "channel": "POST", "receivedOn": "2025-05-30"}"""
				.formatted(inTime));
		assertThat(bodyOf(awaitMail(inTime, "We received your request"))).contains("We will answer by Monday 30 June 2025");
	}

	@Test
	void staffSeeEachLettersDeliveryStateAndText() throws Exception {
		officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String email = Fixtures.uniqueEmail("letters");
		UUID id = register("""
				{"type": "RECTIFICATION", "name": "Rita", "email": "%s", "channel": "EMAIL"}""".formatted(email));
		awaitMail(email, "We received your request");
		mvc.perform(get("/rights/requests/" + id).session(officer)).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-state=\"SENT\"")))
				.andExpect(content().string(containsString("/privacy/requests/withdraw/")))
				.andExpect(content().string(not(containsString("Mail is not configured"))));
		mvc.perform(get("/rights").session(officer)).andExpect(content().string(not(containsString("id=\"mail-off\""))));
	}
}
