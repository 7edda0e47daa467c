package io.charter.rights.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.charter.Fixtures;
import io.charter.rights.RequestType;
import io.charter.rights.RightsTestBase;
import io.charter.rights.RightsTestSetup;

/** The public form: languages, no sign-in, and bad input or robots store nothing. */
class RequestFormControllerTests extends RightsTestBase {

	record Page(MockHttpSession session, String csrf) {
	}

	Page open(RequestPostProcessor source, String lang) throws Exception {
		MvcResult r = mvc.perform(get("/privacy/requests").param("lang", lang).with(source)).andReturn();
		return new Page((MockHttpSession) r.getRequest().getSession(false), csrfOf(r.getResponse().getContentAsString()));
	}

	long stored(String email) {
		return jdbc.sql("select count(*) from rights_request where email = :e").param("e", email).query(Long.class).single();
	}

	long mailsFor(String email) {
		return jdbc.sql("select count(*) from outbox_message where recipient = :e").param("e", email).query(Long.class)
				.single();
	}

	@Test
	void tellsWhoKeepsWhatItCollectsWhyForHowLongAndTheRightsInTheArticlesWords() throws Exception {
		// The retention configured for these tests is the default, charter.rights.retention=1095d.
		String en = mvc.perform(get("/privacy/requests").param("lang", "en").with(newSource())).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(en).contains("How we use what you give in this form",
				"WeGroup keeps your name, e-mail address, the details you write and, if you give it, your cookie visitor identifier",
				"GDPR art. 6(1)(c) and art. 12", "We keep them for 3 years after your request is closed",
				"the restriction of their processing", "lodge a complaint with a supervisory authority, in particular in the Member State",
				"within the limits of GDPR art. 17(3)",
				"without undue delay and in any event within one month of receipt of the request",
				"extended by two further months where necessary, taking into account the complexity and number of the requests");
		String fr = mvc.perform(get("/privacy/requests").param("lang", "fr").with(newSource())).andReturn().getResponse()
				.getContentAsString();
		assertThat(fr).contains("WeGroup SA conserve votre nom", "Nous les conservons 3 ans après la clôture",
				"dans les meilleurs délais et en tout état de cause dans un délai d'un mois à compter de la réception de la demande",
				"prolongé de deux mois, compte tenu de la complexité et du nombre de demandes", "si vous l'indiquez");
		String nl = mvc.perform(get("/privacy/requests").param("lang", "nl").with(newSource())).andReturn().getResponse()
				.getContentAsString();
		assertThat(nl).contains("Wij bewaren ze 3 jaar nadat uw verzoek is afgesloten",
				"onverwijld en in ieder geval binnen een maand na ontvangst van het verzoek",
				"met nog eens twee maanden worden verlengd, afhankelijk van de complexiteit van de verzoeken en van het aantal verzoeken");
	}

	@Test
	void speaksFrenchDutchAndEnglishWithoutASignedInUser() throws Exception {
		mvc.perform(get("/privacy/requests").header("Accept-Language", "nl-BE").with(newSource()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("<html lang=\"nl\"")))
				.andExpect(content().string(containsString("Uw rechten inzake gegevensbescherming uitoefenen")))
				.andExpect(content().string(containsString("klacht in te dienen bij een toezichthoudende autoriteit, met name in de lidstaat")))
				.andExpect(content().string(not(containsString("action=\"/logout\""))));
		mvc.perform(get("/privacy/requests").header("Accept-Language", "fr-BE").with(newSource()))
				.andExpect(content().string(containsString("Retrait du consentement")));
		mvc.perform(get("/privacy/requests").param("lang", "en").with(newSource()))
				.andExpect(content().string(containsString("Withdrawal of consent")))
				.andExpect(content().string(containsString("lodge a complaint with a supervisory authority, in particular in the Member State")))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
				.andExpect(header().string("X-Frame-Options", "DENY"));
		// Every right of the policy, no complaint workflow: the complaint is information.
		String form = mvc.perform(get("/privacy/requests").param("lang", "en").with(newSource())).andReturn().getResponse()
				.getContentAsString();
		for (RequestType type : RequestType.values()) {
			assertThat(form).contains("value=\"" + type.name() + "\"");
		}
		assertThat(form).doesNotContain("value=\"COMPLAINT\"", "style=", "<script");
	}

	@Test
	void thePublicPagesNameTheOrganisationNotTheSoftware() throws Exception {
		mvc.perform(get("/privacy/requests").param("lang", "fr").with(newSource()))
				.andExpect(content().string(containsString(" · WeGroup SA</title>")))
				.andExpect(content().string(containsString("<footer class=\"foot\">WeGroup SA · ")));
		mvc.perform(get("/privacy/requests").param("lang", "nl").with(newSource()))
				.andExpect(content().string(containsString(" · WeGroup NV</title>")))
				.andExpect(content().string(not(containsString("Charter"))));
		mvc.perform(get("/privacy/requests/sent").param("lang", "en").with(newSource()))
				.andExpect(content().string(containsString(" · WeGroup</title>")))
				.andExpect(content().string(containsString("The link works once, for 7 days.")))
				.andExpect(content().string(not(containsString("Charter"))));
	}

	@Test
	void prefillsTheVisitorIdFromTheBannerLinkOnlyWhenWellFormed() throws Exception {
		mvc.perform(get("/privacy/requests").param("visitor", "abc_DEF-123").with(newSource()))
				.andExpect(content().string(containsString("value=\"abc_DEF-123\"")));
		mvc.perform(get("/privacy/requests").param("visitor", "\"><script>x</script>").with(newSource()))
				.andExpect(status().isOk()).andExpect(content().string(not(containsString("<script>x"))));
	}

	@Test
	void badInputGetsAClearMessageAndNothingIsStored() throws Exception {
		RequestPostProcessor source = newSource();
		Page page = open(source, "en");
		String email = Fixtures.uniqueEmail("bad");
		mvc.perform(post("/privacy/requests").session(page.session()).with(source).param("_csrf", page.csrf())
				.param("type", "COMPLAINT").param("name", "").param("email", email).param("details", "x".repeat(5001)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Some fields need your attention. Nothing was sent.")))
				.andExpect(content().string(containsString("Choose what you would like to do.")))
				.andExpect(content().string(containsString("Give your name")))
				.andExpect(content().string(containsString("limited to 5000 characters")))
				.andExpect(content().string(containsString("value=\"" + email + "\"")));
		mvc.perform(post("/privacy/requests").session(page.session()).with(source).param("_csrf", page.csrf())
				.param("type", "ACCESS").param("name", "Ann").param("email", "not-an-address"))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Give a valid e-mail address.")));
		mvc.perform(post("/privacy/requests").session(page.session()).with(source).param("_csrf", page.csrf())
				.param("type", "ACCESS").param("name", "Ann").param("email", email).param("visitorId", "no spaces allowed"))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("visitor identifier")));
		assertThat(stored(email)).isZero();
		assertThat(mailsFor(email)).isZero();
	}

	@Test
	void aFilledHoneypotLooksAcceptedButStoresAndSendsNothing() throws Exception {
		RequestPostProcessor source = newSource();
		Page page = open(source, "en");
		String email = Fixtures.uniqueEmail("robot");
		mvc.perform(post("/privacy/requests").session(page.session()).with(source).param("_csrf", page.csrf())
				.param("type", "ERASURE").param("name", "Robot").param("email", email).param("website", "http://spam"))
				.andExpect(redirectedUrl("/privacy/requests/sent"));
		assertThat(stored(email)).isZero();
		assertThat(mailsFor(email)).isZero();
	}

	@Test
	void limitsSubmissionsPerSourceWithoutStoringTheAddress() throws Exception {
		RequestPostProcessor source = newSource();
		Page page = open(source, "en");
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/privacy/requests").session(page.session()).with(source).param("_csrf", page.csrf())
					.param("type", "ACCESS").param("name", "Flood " + i).param("email", Fixtures.uniqueEmail("flood")))
					.andExpect(redirectedUrl("/privacy/requests/sent"));
		}
		String sixth = Fixtures.uniqueEmail("flood");
		mvc.perform(post("/privacy/requests").session(page.session()).with(source).param("_csrf", page.csrf())
				.param("type", "ACCESS").param("name", "Flood 6").param("email", sixth))
				.andExpect(status().isTooManyRequests())
				.andExpect(content().string(containsString("Too many requests were sent from your connection")));
		assertThat(stored(sixth)).isZero();
		// Another source is not affected.
		RequestPostProcessor other = newSource();
		Page otherPage = open(other, "en");
		String fine = Fixtures.uniqueEmail("fine");
		mvc.perform(post("/privacy/requests").session(otherPage.session()).with(other).param("_csrf", otherPage.csrf())
				.param("type", "ACCESS").param("name", "Fine").param("email", fine))
				.andExpect(redirectedUrl("/privacy/requests/sent"));
		assertThat(stored(fine)).isEqualTo(1);
		// No client address anywhere in the request's row.
		assertThat(jdbc.sql("select count(*) from rights_request where email = :e and (details like '%10.77.%' or requester_name like '%10.77.%')")
				.param("e", fine).query(Long.class).single()).isZero();
	}

	@Test
	void twoIpv6AddressesOfOneSlash64ShareTheFormsLimit() throws Exception {
		// A /64 of its own for this run: the form's allowance lives as long as the context.
		String network = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":";
		for (int i = 1; i <= 5; i++) {
			RequestPostProcessor host = from(network + ":" + i);
			Page page = open(host, "en");
			mvc.perform(post("/privacy/requests").session(page.session()).with(host).param("_csrf", page.csrf())
					.param("type", "ACCESS").param("name", "Host " + i).param("email", Fixtures.uniqueEmail("v6")))
					.andExpect(redirectedUrl("/privacy/requests/sent"));
		}
		RequestPostProcessor neighbour = from(network + "ffff:ffff:ffff:fffe");
		Page page = open(neighbour, "en");
		mvc.perform(post("/privacy/requests").session(page.session()).with(neighbour).param("_csrf", page.csrf())
				.param("type", "ACCESS").param("name", "Neighbour").param("email", Fixtures.uniqueEmail("v6")))
				.andExpect(status().isTooManyRequests());
	}

	@Test
	void theFormSendsOneAddressAtMostThreeLinksADayAndAnswersAsUsual() throws Exception {
		String email = Fixtures.uniqueEmail("flooded");
		// Three requests a day and more ago do not count any more.
		RightsTestSetup.CLOCK.set(Instant.now().minus(Duration.ofHours(25)));
		for (int i = 0; i < 3; i++) {
			fileOnForm("en", "ACCESS", "Flood " + i, email, "", "");
		}
		RightsTestSetup.CLOCK.reset();
		for (int i = 3; i < 6; i++) {
			fileOnForm("en", "ACCESS", "Flood " + i, email, "", "");
		}
		assertThat(mailsFor(email)).isEqualTo(6);
		// The fourth of the day: the same answer, the request kept for staff, no mail.
		MockHttpSession session = fileOnForm("en", "ACCESS", "Flood 6", email, "", "");
		mvc.perform(get("/privacy/requests/sent").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("DSR-")));
		assertThat(stored(email)).isEqualTo(7);
		assertThat(mailsFor(email)).isEqualTo(6);
		assertThat(jdbc.sql("""
				select count(*) from rights_step s join rights_request r on r.id = s.request_id
				where r.email = :e and s.kind = 'verification-withheld'""").param("e", email).query(Long.class).single())
				.isEqualTo(1);
	}

	@Test
	void aPostWithoutTheFormsTokenIsSentBackToTheForm() throws Exception {
		String email = Fixtures.uniqueEmail("csrf");
		mvc.perform(post("/privacy/requests").with(newSource()).param("type", "ACCESS").param("name", "A")
				.param("email", email)).andExpect(redirectedUrl("/privacy/requests?expired"));
		assertThat(stored(email)).isZero();
		mvc.perform(get("/privacy/requests").param("expired", "").with(newSource()))
				.andExpect(content().string(containsString("The form had expired")));
	}

	@Test
	void aSubmissionSaysToCheckTheMailboxAndStoresTheRequestAwaitingVerification() throws Exception {
		String email = Fixtures.uniqueEmail("ok");
		MockHttpSession session = fileOnForm("nl", "OBJECTION", "Lotte", email, "", "Geen reclame meer");
		mvc.perform(get("/privacy/requests/sent").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Kijk in uw mailbox")))
				.andExpect(content().string(containsString("DSR-")));
		assertThat(jdbc.sql("select status || ' ' || channel || ' ' || language || ' ' || request_type from rights_request where email = :e")
				.param("e", email).query(String.class).single()).isEqualTo("AWAITING_VERIFICATION FORM nl OBJECTION");
		assertThat(mailsFor(email)).isEqualTo(1);
	}

	@Test
	void unknownOrMalformedLinksSayTheLinkIsInvalid() throws Exception {
		mvc.perform(get("/privacy/requests/verify/" + "A".repeat(43))).andExpect(status().isOk())
				.andExpect(content().string(containsString("unknown, already used or expired")));
		mvc.perform(get("/privacy/requests/verify/short")).andExpect(status().isOk())
				.andExpect(content().string(containsString("unknown, already used or expired")));
		mvc.perform(get("/privacy/requests/download/" + "B".repeat(43))).andExpect(status().isOk())
				.andExpect(content().string(containsString("unknown or expired")));
		mvc.perform(get("/privacy/requests/download/" + "B".repeat(43) + "/file"))
				.andExpect(status().isSeeOther());
	}
}
