package io.charter.consent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.PublishForm;
import io.charter.consent.web.ServiceForm;
import io.charter.consent.web.SiteForm;
import io.charter.shared.Role;

/**
 * What the public declaration states is true: Charter's own cookie always, the public websites and
 * never the allowed origins, unconfirmed entries as "to be confirmed" until someone confirms them.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class DeclarationTruthTests {

	static final String SEEDED = "wegroup-be";
	static final String STAGING = "https://staging.truth.example";
	static final String PUBLIC = "https://www.truth.example";

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	CatalogueManagement catalogue;
	@Autowired
	JdbcClient jdbc;

	String publishedSite() {
		String key = "truth-" + UUID.randomUUID().toString().substring(0, 8);
		catalogue.createSite(new SiteForm(key, "Truth site", List.of(PUBLIC, STAGING), List.of("fr", "nl", "en"), "fr",
				120, 30, null, List.of(PUBLIC), null));
		catalogue.createCategory(key, new CategoryForm("analytics", Map.of("fr", "Mesure", "nl", "Meting", "en", "Measurement"),
				Map.of("fr", "Mesurer.", "nl", "Meten.", "en", "Measure."), List.of("analytics_storage"), false, null));
		catalogue.createService(key, new ServiceForm("stats", "Stats One", "Stats Inc", "analytics", false, null,
				Map.of("fr", "Statistiques.", "nl", "Statistieken.", "en", "Statistics.")));
		catalogue.addCookie(key, "stats", new CookieForm("_st", null, false, 365, Map.of(), Map.of(), false, null));
		catalogue.addCookie(key, "stats", new CookieForm("_guess", null, false, 30, Map.of(), Map.of(), true,
				"Name not documented by the provider."));
		catalogue.publish(key, new PublishForm(Map.of("fr", "v1", "nl", "v1", "en", "v1"), false, null));
		return key;
	}

	String page(String key, String language) throws Exception {
		return mvc.perform(get("/c/" + key + "/declaration").param("lang", language)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}

	@Test
	void theDeclarationNamesTheOrganisationNeverTheSoftware() throws Exception {
		for (String language : List.of("fr", "nl", "en")) {
			String page = page(SEEDED, language);
			// GDPR art. 13(1)(a): the controller by its legal name in the page's language.
			assertThat(page).as(language).contains(Map.of("fr", "WeGroup SA", "nl", "WeGroup NV", "en", "WeGroup").get(language));
			// The cookie's name charter_consent is a fact; the software's name in place of the controller is not.
			assertThat(page).as(language).doesNotContainPattern("\\bCharter\\b");
		}
	}

	@Test
	void everyPublishedDeclarationListsCharterConsentAsNecessaryWithItsLifetimes() throws Exception {
		publishedSite();
		List<String> published = jdbc.sql("select distinct s.site_key from consent_site s join declaration_version v on v.site_id = s.id")
				.query(String.class).list();
		assertThat(published).contains(SEEDED);
		for (String key : published) {
			for (String language : List.of("fr", "nl", "en")) {
				assertThat(page(key, language)).as(key + " " + language).contains("<code>charter_consent</code>");
			}
		}
		String key = publishedSite();
		assertThat(page(key, "en")).contains("Your cookie choices", "120 days after a choice that allows cookies",
				"30 days after refusing them");
		assertThat(page(key, "fr")).contains("Vos choix en matière de cookies", "120 jours après un choix");
	}

	@Test
	void charterConsentCannotBeAddedToACatalogue() {
		String key = publishedSite();
		assertThatThrownBy(() -> catalogue.addCookie(key, "stats",
				new CookieForm("charter_consent", null, false, 1, Map.of(), Map.of(), false, null)))
				.isInstanceOf(InvalidCatalogueChange.class).hasMessageContaining("charter_consent");
	}

	@Test
	void theDeclarationNamesThePublicWebsitesAndNeverTheAllowedOrigins() throws Exception {
		String key = publishedSite();
		for (String language : List.of("fr", "nl", "en")) {
			String page = page(key, language);
			assertThat(page).contains(PUBLIC).doesNotContain("staging.truth.example");
			String fragment = mvc.perform(get("/c/" + key + "/declaration/fragment").param("lang", language))
					.andReturn().getResponse().getContentAsString();
			assertThat(fragment).contains(PUBLIC).doesNotContain("staging.truth.example");
		}
		String seeded = page(SEEDED, "fr");
		assertThat(seeded).contains("https://www.wegroup.be").doesNotContain("https://wegroup.be");
	}

	@Test
	void unconfirmedEntriesAreShownAsToBeConfirmedAndListedToTheAdminUntilConfirmed() throws Exception {
		String key = publishedSite();
		assertThat(page(key, "en")).contains("name not confirmed: <code>_guess</code>", "30 days, not confirmed",
				"id=\"declaration-to-be-confirmed\"").doesNotContain("name not confirmed: <code>_st</code>", "expected");
		assertThat(page(key, "fr")).contains("nom non confirmé : <code>_guess</code>", "30 jours, non confirmé");
		assertThat(page(SEEDED, "nl")).contains("naam niet bevestigd: <code>lang</code>");

		var user = fixtures.user(Role.PRIVACY);
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(user.email())
				.password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
		String admin = mvc.perform(get("/consent/" + key).session(session)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(admin).contains("id=\"open-questions\"", "<code>_guess</code></a> (Stats One) — Name not documented");
		UUID id = catalogue.catalogue(key).service("stats").cookies().stream().filter(c -> c.name().equals("_guess"))
				.findFirst().orElseThrow().id();

		mvc.perform(post("/consent/" + key + "/services/stats/cookies/" + id + "/confirm").session(session).with(csrf()))
				.andExpect(redirectedUrl("/consent/" + key));

		assertThat(catalogue.catalogue(key).toBeConfirmed()).isZero();
		assertThat(jdbc.sql("select confirmed_by from consent_cookie where id = :id").param("id", id).query(String.class)
				.single()).startsWith("user:");
		// The audit trail records the event after the change commits, in its own transaction.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
				.sql("select count(*) from audit_entry where action = 'consent-cookie.confirmed' and entity_id = :id")
				.param("id", id.toString()).query(Integer.class).single()).isEqualTo(1));
		assertThat(mvc.perform(get("/consent/" + key).session(session)).andReturn().getResponse().getContentAsString())
				.doesNotContain("id=\"open-questions\"");
		catalogue.publish(key, new PublishForm(Map.of("fr", "v2", "nl", "v2", "en", "v2"), false, null));
		assertThat(page(key, "en")).doesNotContain("not confirmed");
	}

	@Test
	void theApiConfirmsACookieWithTheEvidenceInTheAuditTrail() throws Exception {
		String key = publishedSite();
		UUID id = catalogue.catalogue(key).service("stats").cookies().stream().filter(c -> c.name().equals("_guess"))
				.findFirst().orElseThrow().id();
		mvc.perform(post("/api/v1/consent/sites/" + key + "/services/stats/cookies/" + id + "/confirm")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.ADMIN))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
						{"evidence": "seen by the scan of 7 December 2026"}"""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.toBeConfirmed").value(false));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
				.sql("select summary from audit_entry where action = 'consent-cookie.confirmed' and entity_id = :id")
				.param("id", id.toString()).query(String.class).optional())
				.hasValueSatisfying(s -> assertThat(s).endsWith("_guess confirmed: seen by the scan of 7 December 2026")));
		mvc.perform(post("/api/v1/consent/sites/" + key + "/services/stats/cookies/" + id + "/confirm")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR)))
				.andExpect(status().isForbidden());
	}

	@Test
	void rightsAuthorityRequestLinkAndDatesAreWrittenForTheReadersLanguage() throws Exception {
		String key = publishedSite();
		assertThat(page(key, "fr")).contains("le droit d’accès", "le droit à la limitation du traitement",
				"auprès d’une autorité de contrôle, en particulier", "/privacy/requests?lang=fr",
				"article 10/2 de la loi du 30 juillet 2018");
		assertThat(page(key, "nl")).contains("het recht van inzage", "het recht op overdraagbaarheid van gegevens",
				"bij een toezichthoudende autoriteit, met name", "/privacy/requests?lang=nl");
		assertThat(page(key, "en")).containsPattern("published on \\d{1,2} [A-Z][a-z]+ \\d{4}\\.")
				.contains("the right to restriction of processing", "/privacy/requests?lang=en",
						"You may lodge a complaint with a supervisory authority, in particular in the Member State");
	}

	@Test
	void ga4CookiesAreInTheSeededCatalogueForTheBannerToDeleteAndGaIsListedOnce() throws Exception {
		String config = mvc.perform(get("/c/" + SEEDED + "/config.json")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(config).contains("\"name\":\"_ga_*\"");
		// GDPR art. 7(3): the settings layer says withdrawing is as easy as giving.
		assertThat(config).contains("modifier ou retirer votre consentement, aussi simplement que vous l’avez donné");
		var services = catalogue.catalogue(SEEDED).services();
		assertThat(services.stream().flatMap(s -> s.cookies().stream()).filter(c -> c.name().equals("_ga"))).hasSize(1);
		assertThat(services.stream().flatMap(s -> s.cookies().stream()).filter(c -> c.name().equals("_gid"))).hasSize(1);
	}
}
