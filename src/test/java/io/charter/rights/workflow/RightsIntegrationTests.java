package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.identity.UserSummary;
import io.charter.rights.Letters;
import io.charter.rights.RightsTestBase;
import io.charter.rights.RightsTestSetup;
import io.charter.shared.Role;

/**
 * Whole flows with real e-mail: the public form, the verification link, the package download, an
 * erasure across modules, the refusal and extension letters, the suspended clock.
 */
class RightsIntegrationTests extends RightsTestBase {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@org.springframework.beans.factory.annotation.Autowired
	Housekeeping housekeeping;

	MockHttpSession privacyOfficer() throws Exception {
		UserSummary officer = fixtures.user(Role.PRIVACY);
		return Fixtures.signIn(mvc, officer.email(), Fixtures.PASSWORD);
	}

	/** Registers a request through the API, signed in as a PRIVACY user; returns its id. */
	UUID register(MockHttpSession officer, String json) throws Exception {
		String body = mvc.perform(post("/api/v1/rights/requests").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	void act(MockHttpSession staff, UUID id, String action, String... params) throws Exception {
		var request = post("/rights/requests/" + id + "/" + action).session(staff).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		mvc.perform(request).andExpect(redirectedUrl("/rights/requests/" + id))
				.andExpect(flash().attribute("notice", "rights.done." + action));
	}

	@Test
	void formThenVerificationThenPackageDownload() throws Exception {
		String email = Fixtures.uniqueEmail("acces");
		String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
		holder.addVisit(visitor, "/fr/produits");
		holder.addVisit(visitor, "=HYPERLINK(\"http://evil\")");

		mvc.perform(get("/privacy/requests").param("lang", "fr").param("visitor", visitor).with(newSource()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Exercer vos droits")))
				.andExpect(content().string(containsString("value=\"" + visitor + "\"")))
				// The policy names no supervisory authority: the right of art. 77 as such (V2026_12_09_1300).
				.andExpect(content().string(containsString("auprès d'une autorité de contrôle, en particulier dans l'État membre")))
				.andExpect(content().string(not(containsString("Rue de la Presse"))))
				.andExpect(content().string(not(containsString("style="))))
				.andExpect(content().string(not(containsString("<script"))));
		MockHttpSession requester = fileOnForm("fr", "ACCESS", "Françoise Dubois", email, visitor, "Toutes mes données");
		UUID id = requestOf(email);
		assertThat(statusOf(id)).isEqualTo("AWAITING_VERIFICATION");

		String verification = bodyOf(awaitMail(email, "Confirmez votre demande DSR-"));
		assertThat(verification).contains("Bonjour Françoise Dubois", "Accès à mes données", "pendant 7 jours",
				"auprès d'une autorité de contrôle, en particulier dans l'État membre");
		String secret = secretIn(verification, "/privacy/requests/verify/");
		assertThat(jdbc.sql("select count(*) from one_time_link where token_hash = :s").param("s", secret)
				.query(Long.class).single()).as("the secret itself is never stored").isZero();

		// Opening the link (or a mail scanner fetching it) changes nothing; the button confirms.
		String page = mvc.perform(get("/privacy/requests/verify/" + secret).session(requester))
				.andExpect(status().isOk()).andExpect(header().string("Referrer-Policy", "no-referrer"))
				.andReturn().getResponse().getContentAsString();
		assertThat(statusOf(id)).isEqualTo("AWAITING_VERIFICATION");
		LocalDate due = deadlines.firstDue(LocalDate.now(BRUSSELS), 0);
		mvc.perform(post("/privacy/requests/verify/" + secret).session(requester).param("_csrf", csrfOf(page)))
				.andExpect(status().isOk()).andExpect(content().string(containsString("est confirmée")))
				.andExpect(content().string(containsString(Letters.date(due, "fr"))));
		assertThat(statusOf(id)).isEqualTo("VERIFIED");
		String received = bodyOf(awaitMail(email, "Nous avons reçu votre demande"));
		assertThat(received).contains("au plus tard le " + Letters.date(due, "fr"));
		assertThat(received.strip()).as("signed by the controller").endsWith("\n\nWeGroup SA");
		// Single use.
		mvc.perform(post("/privacy/requests/verify/" + secret).session(requester).param("_csrf", csrfOf(page)))
				.andExpect(content().string(containsString("inconnu, déjà utilisé ou expiré")));

		MockHttpSession officer = privacyOfficer();
		mvc.perform(get("/rights/requests/" + id).param("find", "true").session(officer)).andExpect(status().isOk())
				.andExpect(content().string(containsString("test-visitors")))
				.andExpect(content().string(containsString("Measuring visits (consent)")));
		act(officer, id, "package");
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
		String packageMail = bodyOf(awaitMail(email, "vos données à caractère personnel"));
		String download = secretIn(packageMail, "/privacy/requests/download/");

		mvc.perform(get("/privacy/requests/download/" + download)).andExpect(status().isOk())
				.andExpect(content().string(containsString("/privacy/requests/download/" + download + "/file")));
		byte[] zip = mvc.perform(get("/privacy/requests/download/" + download + "/file")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/zip"))
				.andExpect(header().string("Cache-Control", containsString("no-store")))
				.andReturn().getResponse().getContentAsByteArray();
		Map<String, String> files = unzip(zip);
		assertThat(files).containsKeys("README.txt", "information.json", "test-visitors/visits.json",
				"test-visitors/visits.csv", "rights/requests.json", "rights/requests.csv");
		assertThat(files.get("README.txt")).contains("Vos données à caractère personnel, demande DSR-", email,
				"Finalités et base juridique: Measuring visits (consent)", "Durée de conservation: 13 months",
				"Vos droits", "art. 22", "auprès d'une autorité de contrôle, en particulier dans l'État membre");
		assertThat(files.get("test-visitors/visits.json")).contains("/fr/produits", "\"analytics\" : false");
		assertThat(files.get("test-visitors/visits.csv")).startsWith("visitorId,page,choices\r\n")
				.contains("'=HYPERLINK", "/fr/produits");
		assertThat(files.get("rights/requests.json")).contains("Françoise Dubois", "Toutes mes données", "ACCESS");
		assertThat((java.util.List<String>) JsonPath.read(files.get("information.json"), "$.modules[*].module"))
				.contains("rights", "test-visitors");
		assertThat(jdbc.sql("select sha256 from rights_package where request_id = :id").param("id", id)
				.query(String.class).single()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(zip)));
		assertThat(jdbc.sql("select downloads from rights_package where request_id = :id").param("id", id)
				.query(Integer.class).single()).isEqualTo(1);

		act(officer, id, "complete", "text", "Vous trouverez vos données dans le dossier envoyé.");
		assertThat(statusOf(id)).isEqualTo("COMPLETED");
		assertThat(bodyOf(awaitMail(email, "notre réponse"))).contains("Vous trouverez vos données",
				"introduire une réclamation auprès d'une autorité de contrôle");

		// Every step is in the audit trail, by request id, without the requester's name or address.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select action from audit_entry where entity_type = 'data-subject-request' and entity_id = :id order by seq""")
				.param("id", id.toString()).query(String.class).list()).containsSubsequence(
						"data-subject-request.received", "data-subject-request.verified",
						"data-subject-request.package-sent", "data-subject-request.package-downloaded",
						"data-subject-request.completed"));
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = :id and (summary like :e or summary like :n)")
				.param("id", id.toString()).param("e", "%" + email + "%").param("n", "%Dubois%").query(Long.class).single())
				.isZero();
	}

	@Test
	void erasureRemovesTheVisitorsDataInEveryModuleAndRecordsWhatEachDid() throws Exception {
		String email = Fixtures.uniqueEmail("erase");
		String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
		holder.addVisit(visitor, "/nl/producten");
		holder.subscriptionsByEmail.put(email, "news");
		MockHttpSession officer = privacyOfficer();
		UUID id = register(officer, """
				{"type": "ERASURE", "name": "Jan Peeters", "email": "%s", "channel": "POST", "language": "nl",
				 "visitorId": "%s", "details": "Wis alles"}""".formatted(email, visitor));
		assertThat(bodyOf(awaitMail(email, "Wij ontvingen uw verzoek"))).contains("Hallo Jan Peeters", "Wissing");

		// Erasure cannot be undone: a bare request is sent to the confirmation page, which says what it does.
		mvc.perform(post("/rights/requests/" + id + "/erase").session(officer).with(csrf()))
				.andExpect(redirectedUrl("/rights/requests/" + id + "/erase"));
		String reference = jdbc.sql("select reference from rights_request where id = :id").param("id", id)
				.query(String.class).single();
		assertThat(mvc.perform(get("/rights/requests/" + id + "/erase").session(officer)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString())
				.contains("Erase the requester’s data for request " + reference + " in every module?",
						"name=\"confirmed\" value=\"yes\"", "href=\"/rights/requests/" + id + "\"");
		// Not before the identity is checked.
		mvc.perform(post("/rights/requests/" + id + "/erase").session(officer).with(csrf()).param("confirmed", "yes"))
				.andExpect(flash().attribute("failure", "Verify the requester's identity first."));
		assertThat(holder.visitsByVisitor).containsKey(visitor);
		act(officer, id, "verify", "text", "signed letter compared with the customer file");
		act(officer, id, "erase", "confirmed", "yes");

		assertThat(holder.visitsByVisitor).doesNotContainKey(visitor);
		assertThat(holder.subscriptionsByEmail).doesNotContainKey(email);
		assertThat(jdbc.sql("select holder || ' ' || action || ' ' || outcome || ' ' || records from rights_fulfilment where request_id = :id order by holder")
				.param("id", id).query(String.class).list())
				.containsExactlyElementsOf(holderNames().stream().map(name -> switch (name) {
					case "rights" -> "rights ERASE PARTLY 0";
					case "test-visitors" -> "test-visitors ERASE DONE 2";
					default -> name + " ERASE NOTHING_HELD 0";
				}).toList());
		act(officer, id, "exception", "system", "accounting", "text", "Invoices kept 7 years (art. 17(3)(b), tax law).");
		mvc.perform(get("/rights/requests/" + id).session(officer))
				.andExpect(content().string(containsString("visits and subscriptions deleted")))
				.andExpect(content().string(containsString("Invoices kept 7 years")));
		// The CRM is connected for erasures: no completion without its report, or staff's reason.
		mvc.perform(post("/rights/requests/" + id + "/complete").session(officer).with(csrf()).param("text", "Gewist."))
				.andExpect(flash().attribute("failure", containsString("Waiting for connected systems to report: crm")));
		act(officer, id, "override-system", "system", "crm", "text", "Jan is no CRM contact (searched by hand).");
		act(officer, id, "complete", "text", "Uw gegevens werden gewist.");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select summary from audit_entry where entity_id = :id and action = 'data-subject-request.erase'""")
				.param("id", id.toString()).query(String.class).single()).contains("test-visitors DONE 2")
				.doesNotContain(email, visitor));
	}

	@Test
	void aFailingModuleStopsThePackageAndIsRecorded() throws Exception {
		String email = Fixtures.uniqueEmail("failing");
		MockHttpSession officer = privacyOfficer();
		UUID id = register(officer, """
				{"type": "PORTABILITY", "name": "Ann", "email": "%s", "channel": "EMAIL"}""".formatted(email));
		act(officer, id, "verify", "text", "replied from the address on file");
		holder.failing = true;
		try {
			mvc.perform(post("/rights/requests/" + id + "/package").session(officer).with(csrf()))
					.andExpect(flash().attribute("failure", containsString("test-visitors")));
		}
		finally {
			holder.failing = false;
		}
		assertThat(jdbc.sql("select count(*) from rights_package where request_id = :id").param("id", id)
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select outcome from rights_fulfilment where request_id = :id and holder = 'test-visitors'")
				.param("id", id).query(String.class).single()).isEqualTo("FAILED");
		act(officer, id, "package");
		assertThat(jdbc.sql("select count(*) from rights_package where request_id = :id").param("id", id)
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theRefusalLetterGivesReasonsAndBothRemedies() throws Exception {
		String email = Fixtures.uniqueEmail("refused");
		UserSummary officerAccount = fixtures.user(Role.PRIVACY);
		MockHttpSession officer = Fixtures.signIn(mvc, officerAccount.email(), Fixtures.PASSWORD);
		UUID id = register(officer, """
				{"type": "ACCESS", "name": "Piet Claes", "email": "%s", "channel": "EMAIL", "language": "nl"}"""
				.formatted(email));
		String reference = jdbc.sql("select reference from rights_request where id = :id").param("id", id)
				.query(String.class).single();
		act(officer, id, "refuse", "text", "Dit is het twaalfde identieke verzoek deze maand (art. 12, lid 5).");
		assertThat(statusOf(id)).isEqualTo("REFUSED");
		var letter = awaitMail(email, "Uw verzoek " + reference + ": wij kunnen er geen gevolg aan geven");
		assertThat(bodyOf(letter).strip()).isEqualTo("""
				Hallo Piet Claes,

				Wij geven geen gevolg aan uw verzoek (Inzage in mijn gegevens, referentie %s), om deze redenen:

				Dit is het twaalfde identieke verzoek deze maand (art. 12, lid 5).

				U hebt het recht een klacht in te dienen bij een toezichthoudende autoriteit, met name in de lidstaat waar u \
				gewoonlijk verblijft, waar u werkt of waar de beweerde inbreuk is begaan (AVG, art. 77).

				U hebt ook recht op een doeltreffende voorziening in rechte (AVG art. 79): in België kunt u de zaak \
				voorleggen aan de voorzitter van de rechtbank van eerste aanleg.

				WeGroup NV""".formatted(reference));
		assertThat(jdbc.sql("select summary from rights_step where request_id = :id and kind = 'letter-sent'")
				.param("id", id).query(String.class).single()).contains("rights-refused", "nl");

		// The history reads in the reader's language and names the staff member who acted.
		String page = mvc.perform(get("/rights/requests/" + id).param("lang", "fr").session(officer))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String history = page.substring(page.indexOf("class=\"history\""));
		assertThat(history).contains("Demande reçue", "Lettre envoyée", "Refusée", officerAccount.displayName())
				.doesNotContain("audit.action.", "· user:");
	}

	@Test
	void theExtensionLetterIsSentWithinTheFirstMonthAndRecorded() throws Exception {
		String email = Fixtures.uniqueEmail("extended");
		RightsTestSetup.CLOCK.set(LocalDate.of(2025, 3, 20).atTime(10, 0).atZone(BRUSSELS).toInstant());
		MockHttpSession officer = privacyOfficer();
		UUID id = register(officer, """
				{"type": "ACCESS", "name": "Ann Smith", "email": "%s", "channel": "PHONE", "receivedOn": "2025-03-05"}"""
				.formatted(email));
		act(officer, id, "extend", "text", "Your data are spread over several archived systems.");
		assertThat(statusOf(id)).isEqualTo("EXTENDED");
		// Received Wednesday 5 March 2025: three months later is Thursday 5 June 2025.
		assertThat(jdbc.sql("select due_on from rights_request where id = :id").param("id", id).query(LocalDate.class)
				.single()).isEqualTo(LocalDate.of(2025, 6, 5));
		assertThat(bodyOf(awaitMail(email, "extension of the period"))).contains("Hello Ann Smith",
				"article 12(3) of the GDPR", "Your data are spread over several archived systems.",
				"by Thursday 5 June 2025 at the latest", "lodge a complaint with a supervisory authority, in particular in the Member State");
		assertThat(jdbc.sql("select text from rights_step where request_id = :id and kind = 'letter-sent'").param("id", id)
				.query(String.class).single()).isEqualTo("Your data are spread over several archived systems.");

		// After the first month (Monday 10 March 2025 for a receipt on 10 February), an extension is refused.
		UUID late = register(officer, """
				{"type": "ACCESS", "name": "Bo", "email": "%s", "channel": "POST", "receivedOn": "2025-02-10"}"""
				.formatted(Fixtures.uniqueEmail("late")));
		mvc.perform(post("/rights/requests/" + late + "/extend").session(officer).with(csrf()).param("text", "Busy"))
				.andExpect(flash().attribute("failure", containsString("by 10 March 2025, the end of the first month")));
		assertThat(statusOf(late)).isEqualTo("RECEIVED");
	}

	@Test
	void waitingForTheRequesterMovesTheDueDateByTheDaysWaited() throws Exception {
		String email = Fixtures.uniqueEmail("waiting");
		RightsTestSetup.CLOCK.set(LocalDate.of(2025, 3, 6).atTime(10, 0).atZone(BRUSSELS).toInstant());
		MockHttpSession officer = privacyOfficer();
		UUID id = register(officer, """
				{"type": "RECTIFICATION", "name": "Eva", "email": "%s", "channel": "EMAIL", "receivedOn": "2025-03-05"}"""
				.formatted(email));
		act(officer, id, "ask", "text", "Which address should we correct?");
		assertThat(bodyOf(awaitMail(email, "We need information"))).contains("Which address should we correct?",
				"suspended");
		mvc.perform(get("/rights").session(officer)).andExpect(content().string(containsString("clock stopped")));
		RightsTestSetup.CLOCK.advance(Duration.ofDays(4));
		act(officer, id, "resume");
		// 5 April 2025 (Saturday) + 4 days suspended: Wednesday 9 April 2025.
		assertThat(jdbc.sql("select due_on from rights_request where id = :id").param("id", id).query(LocalDate.class)
				.single()).isEqualTo(LocalDate.of(2025, 4, 9));
		assertThat(jdbc.sql("select suspended_days from rights_request where id = :id").param("id", id)
				.query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void restrictionAndWithdrawalOfConsentReachEveryModule() throws Exception {
		MockHttpSession officer = privacyOfficer();
		String email = Fixtures.uniqueEmail("objects");
		holder.subscriptionsByEmail.put(email, "offers");
		UUID objection = register(officer, """
				{"type": "OBJECTION", "name": "Olivia", "email": "%s", "channel": "EMAIL"}""".formatted(email));
		act(officer, objection, "verify", "text", "reply from the address on file");
		act(officer, objection, "restrict");
		assertThat(holder.restricted).contains(email);
		assertThat(jdbc.sql("select holder || ' ' || outcome from rights_fulfilment where request_id = :id and action = 'RESTRICT' order by holder")
				.param("id", objection).query(String.class).list())
				.containsExactlyElementsOf(holderNames().stream().map(name -> switch (name) {
					// Acknowledgements of a policy are evidence the organisation must keep: restriction does not apply.
					case "rights", "policies" -> name + " NOT_APPLICABLE";
					case "test-visitors" -> "test-visitors DONE";
					default -> name + " NOTHING_HELD";
				}).toList());

		String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
		UUID withdrawal = register(officer, """
				{"type": "WITHDRAWAL", "name": "Wim", "email": "%s", "channel": "FORM", "visitorId": "%s"}"""
				.formatted(Fixtures.uniqueEmail("withdraws"), visitor));
		// The step matches the request: no erasure for a withdrawal.
		act(officer, withdrawal, "verify", "text", "confirmed by phone");
		mvc.perform(post("/rights/requests/" + withdrawal + "/erase").session(officer).with(csrf()).param("confirmed", "yes"))
				.andExpect(flash().attribute("failure", "This step does not apply to a request of this type (Withdrawal of consent)."));
		act(officer, withdrawal, "withdraw-consent");
		assertThat(holder.withdrawn).contains(visitor);
		assertThat(jdbc.sql("select holder || ' ' || outcome from rights_fulfilment where request_id = :id order by holder")
				.param("id", withdrawal).query(String.class).list())
				// Consent is asked of visitors only: modules that keep no consent say withdrawal does not apply.
				.containsExactlyElementsOf(holderNames().stream().map(name -> switch (name) {
					case "consent" -> "consent NOTHING_HELD";
					case "test-visitors" -> "test-visitors DONE";
					default -> name + " NOT_APPLICABLE";
				}).toList());
	}

	@Test
	void aVerificationLinkWorksForSevenDaysOnly() throws Exception {
		RightsTestSetup.CLOCK.set(LocalDate.of(2024, 1, 10).atTime(10, 0).atZone(BRUSSELS).toInstant());
		String email = Fixtures.uniqueEmail("slow");
		MockHttpSession requester = fileOnForm("en", "ACCESS", "Sam Slow", email, "", "");
		String secret = secretIn(bodyOf(awaitMail(email, "Confirm your request")), "/privacy/requests/verify/");
		RightsTestSetup.CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
		mvc.perform(get("/privacy/requests/verify/" + secret).session(requester)).andExpect(status().isOk())
				.andExpect(content().string(containsString("unknown, already used or expired")));
		mvc.perform(post("/privacy/requests/verify/" + secret).session(requester).with(csrf()))
				.andExpect(content().string(containsString("unknown, already used or expired")));
		assertThat(statusOf(requestOf(email))).isEqualTo("AWAITING_VERIFICATION");
		// Staff can send a new one.
		act(privacyOfficer(), requestOf(email), "send-link");
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :e and subject like 'Confirm your request%'")
				.param("e", email).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void packagesAreEmptiedWhenTheirLinkExpiresAndClosedRequestsAnonymisedAfterRetention() throws Exception {
		RightsTestSetup.CLOCK.set(LocalDate.of(2020, 2, 3).atTime(10, 0).atZone(BRUSSELS).toInstant());
		MockHttpSession officer = privacyOfficer();
		String email = Fixtures.uniqueEmail("old");
		UUID id = register(officer, """
				{"type": "ACCESS", "name": "Otto Old", "email": "%s", "channel": "POST", "details": "All of it"}"""
				.formatted(email));
		act(officer, id, "verify", "text", "signed letter");
		act(officer, id, "package");
		act(officer, id, "note", "text", "Otto called to say thanks");
		act(officer, id, "complete", "text", "Dear Otto, here it is.");
		String download = secretIn(bodyOf(awaitMail(email, "your personal data")), "/privacy/requests/download/");

		RightsTestSetup.CLOCK.set(LocalDate.of(2020, 2, 11).atTime(10, 0).atZone(BRUSSELS).toInstant());
		housekeeping.run();
		mvc.perform(get("/privacy/requests/download/" + download)).andExpect(content().string(containsString("unknown or expired")));
		assertThat(jdbc.sql("select count(*) from rights_package where request_id = :id and content is null and sha256 is not null")
				.param("id", id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select requester_name from rights_request where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("Otto Old");

		// 1095 days after closing.
		RightsTestSetup.CLOCK.set(LocalDate.of(2023, 2, 4).atTime(10, 0).atZone(BRUSSELS).toInstant());
		housekeeping.run();
		assertThat(jdbc.sql("""
				select coalesce(requester_name, '') || coalesce(email, '') || coalesce(details, '') || coalesce(closing_text, '')
				from rights_request where id = :id""").param("id", id).query(String.class).single()).isEmpty();
		assertThat(jdbc.sql("select status || ' ' || request_type from rights_request where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("COMPLETED ACCESS");
		assertThat(jdbc.sql("select count(*) from rights_step where request_id = :id and text is not null").param("id", id)
				.query(Long.class).single()).isZero();
		mvc.perform(get("/rights/requests/" + id).session(officer)).andExpect(status().isOk())
				.andExpect(content().string(containsString("retention period")));
	}

	@Test
	void formRequestsWhoseAddressIsNeverConfirmedCloseThemselvesWhenTheLinkExpires() throws Exception {
		RightsTestSetup.CLOCK.set(LocalDate.of(2023, 5, 8).atTime(10, 0).atZone(BRUSSELS).toInstant());
		String silent = Fixtures.uniqueEmail("silent");
		String confirming = Fixtures.uniqueEmail("confirming");
		String late = Fixtures.uniqueEmail("late-link");
		fileOnForm("en", "ACCESS", "Sid Silent", silent, "", "");
		fileOnForm("en", "ACCESS", "Cora Confirms", confirming, "", "");
		fileOnForm("en", "ERASURE", "Lena Late", late, "", "");
		MockHttpSession officer = privacyOfficer();
		UUID byPost = register(officer, """
				{"type": "ACCESS", "name": "Paul Post", "email": "%s", "channel": "POST"}""".formatted(Fixtures.uniqueEmail("post")));
		act(officer, byPost, "send-link");
		String withdrawal = withdrawLinkIn(bodyOf(awaitMail(silent, "Confirm your request")));
		String secret = secretIn(bodyOf(awaitMail(confirming, "Confirm your request")), "/privacy/requests/verify/");
		mvc.perform(post("/privacy/requests/verify/" + secret).with(csrf())).andExpect(status().isOk());

		// Not before the link expires; a new link sent by staff gives the requester another seven days.
		RightsTestSetup.CLOCK.advance(Duration.ofDays(6));
		housekeeping.run();
		assertThat(statusOf(requestOf(silent))).isEqualTo("AWAITING_VERIFICATION");
		act(officer, requestOf(late), "send-link");
		RightsTestSetup.CLOCK.advance(Duration.ofDays(1).plusHours(1));
		housekeeping.run();

		UUID closed = requestOf(silent);
		assertThat(statusOf(closed)).isEqualTo("UNCONFIRMED");
		assertThat(statusOf(requestOf(confirming))).isEqualTo("VERIFIED");
		assertThat(statusOf(requestOf(late))).isEqualTo("AWAITING_VERIFICATION");
		assertThat(statusOf(byPost)).as("staff registered it: staff decide").isEqualTo("AWAITING_VERIFICATION");
		assertThat(jdbc.sql("select actor || ' ' || kind || ' ' || text from rights_step where request_id = :id order by at desc limit 1")
				.param("id", closed).query(String.class).single()).isEqualTo(
						"system unconfirmed closed automatically: the e-mail address was not confirmed before the link expired");
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :e").param("e", silent).query(Long.class)
				.single()).as("no letter to an address nobody confirmed").isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select summary from audit_entry where entity_id = :id and action = 'data-subject-request.unconfirmed'""")
				.param("id", closed.toString()).query(String.class).single()).isEqualTo("closed as not confirmed on 2023-05-15"));

		// Out of the open requests and their count, among the closed ones with its outcome.
		String open = mvc.perform(get("/api/v1/rights/requests").session(officer)).andReturn().getResponse().getContentAsString();
		assertThat(open).doesNotContain(closed.toString()).contains(requestOf(late).toString());
		String page = mvc.perform(get("/rights").session(officer)).andReturn().getResponse().getContentAsString();
		int row = page.indexOf("/rights/requests/" + closed);
		assertThat(row).as("listed among the closed requests").isGreaterThan(page.indexOf("Recently closed"));
		assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("closed: address not confirmed");
		mvc.perform(get(withdrawal)).andExpect(content().string(containsString("is already closed (closed: address not confirmed)")));
		housekeeping.run();
		assertThat(jdbc.sql("select count(*) from rights_step where request_id = :id and kind = 'unconfirmed'")
				.param("id", closed).query(Long.class).single()).as("closed once").isEqualTo(1);
	}
}
