package io.charter.consent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.charter.Fixtures;
import io.charter.consent.CatalogueRules;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.ServiceForm;
import io.charter.consent.web.SiteForm;
import io.charter.shared.Role;


/** The catalogue through its pages and its API: who may do what, and nothing half-saved. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	CatalogueManagement catalogue;
	@Autowired
	JdbcClient jdbc;

	MockHttpSession signIn(Role role) throws Exception {
		var user = fixtures.user(role);
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.email()).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
	}

	static String uniqueKey() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A site made the way the seed is: through the catalogue's own rules, acting as the system. */
	String site() {
		String key = uniqueKey();
		catalogue.createSite(new SiteForm(key, "Test site", List.of("https://www.test.example"), List.of("fr", "en"), "fr",
				null, null, null, null, null));
		return key;
	}

	/**
	 * The shipped WeGroup site saved as its settings page shows it, every field as rendered: nothing
	 * the page does not ask for may be demanded (it once required a privacy-policy address).
	 */
	@Test
	void theShippedSiteSavesUnchangedFromItsSettingsPage() throws Exception {
		MockHttpSession session = signIn(Role.PRIVACY);
		String page = mvc.perform(get("/consent/wegroup-be").session(session)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		String form = page.substring(page.indexOf("action=\"/consent/wegroup-be/settings\""));
		form = form.substring(0, form.indexOf("</form>"));
		Catalogue.Site before = catalogue.catalogue("wegroup-be").site();
		MockHttpServletRequestBuilder save = post("/consent/wegroup-be/settings").session(session).with(csrf());
		submitted(form).forEach((name, values) -> save.param(name, values.toArray(String[]::new)));
		mvc.perform(save).andExpect(redirectedUrl("/consent/wegroup-be?tab=settings"));
		Catalogue.Site after = catalogue.catalogue("wegroup-be").site();
		assertThat(after.revision()).isEqualTo(before.revision() + 1);
		assertThat(after).usingRecursiveComparison().ignoringFields("revision").isEqualTo(before);
	}

	/** What a browser submits from a form: text inputs, checked boxes and selected options (not the CSRF field). */
	static MultiValueMap<String, String> submitted(String form) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		Matcher input = Pattern.compile("<input ([^>]*)>").matcher(form);
		while (input.find()) {
			String attributes = input.group(1);
			String name = attribute(attributes, "name");
			boolean box = "checkbox".equals(attribute(attributes, "type"));
			if (name != null && !name.equals("_csrf") && (!box || attributes.matches(".*\\bchecked\\b.*"))) {
				fields.add(name, attribute(attributes, "value") == null ? "" : attribute(attributes, "value"));
			}
		}
		Matcher select = Pattern.compile("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(form);
		while (select.find()) {
			Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(2));
			if (option.find()) {
				fields.add(select.group(1), option.group(1));
			}
		}
		return fields;
	}

	private static String attribute(String attributes, String name) {
		Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
		return m.find() ? m.group(1).replace("&amp;", "&").replace("&#34;", "\"").replace("&#39;", "'") : null;
	}

	@Test
	void privacyOfficerBuildsACatalogueThroughThePages() throws Exception {
		MockHttpSession session = signIn(Role.PRIVACY);
		String key = uniqueKey();
		mvc.perform(post("/consent").session(session).with(csrf()).param("key", key).param("name", "Shop")
				.param("origins", "https://shop.example", "").param("languages", "fr", "nl")
				.param("defaultLanguage", "nl").param("consentLifetimeDays", "182").param("refusalLifetimeDays", "90")
				.param("waitForUpdateMs", "500")).andExpect(redirectedUrl("/consent/" + key));
		mvc.perform(get("/consent/" + key).session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Shop"))).andExpect(content().string(containsString("_csrf")));

		mvc.perform(post("/consent/" + key + "/categories").session(session).with(csrf()).param("key", "analytics")
				.param("name[fr]", "Mesure").param("name[nl]", "Meting").param("description[fr]", "Mesurer l’audience.")
				.param("description[nl]", "Bezoekers meten.").param("gcmTypes", "analytics_storage"))
				.andExpect(redirectedUrl("/consent/" + key + "?tab=categories"));
		mvc.perform(post("/consent/" + key + "/services").session(session).with(csrf()).param("key", "matomo")
				.param("name", "Matomo").param("provider", "Shop BV").param("category", "analytics")
				.param("description[fr]", "Statistiques de visite.").param("description[nl]", "Bezoekstatistieken."))
				.andExpect(redirectedUrl("/consent/" + key + "/services/matomo"));
		mvc.perform(post("/consent/" + key + "/services/matomo/cookies").session(session).with(csrf())
				.param("name", "_pk_id*").param("retentionDays", "395").param("toBeConfirmed", "true")
				.param("note", "Check the exact suffix")).andExpect(redirectedUrl("/consent/" + key + "/services/matomo"));
		mvc.perform(get("/consent/" + key + "/services/matomo").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("_pk_id*")));

		Catalogue saved = catalogue.catalogue(key);
		assertThat(saved.site().languages()).containsExactly("fr", "nl");
		assertThat(saved.site().refusalLifetimeDays()).isEqualTo(90);
		assertThat(saved.categories()).extracting(Catalogue.Category::key).containsExactly("necessary", "analytics");
		Catalogue.Cookie cookie = saved.service("matomo").cookies().get(0);
		assertThat(cookie.pattern()).isTrue();
		assertThat(cookie.toBeConfirmed()).isTrue();
		assertThat(cookie.retentionDays()).isEqualTo(395);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from audit_entry where action = 'consent-cookie.created' and entity_id = :id")
				.param("id", cookie.id().toString()).query(Long.class).single() == 1);
	}

	@Test
	void employeesMayNotSeeTheCatalogue() throws Exception {
		String key = site();
		MockHttpSession employee = signIn(Role.EMPLOYEE);
		mvc.perform(get("/consent").session(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/consent/" + key).session(employee)).andExpect(status().isForbidden());
		mvc.perform(post("/consent/" + key + "/settings").session(employee).with(csrf()).param("name", "Taken over"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/consent/sites/" + key).header("Authorization", "Bearer " + fixtures.tokenFor(Role.EMPLOYEE)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(catalogue.catalogue(key).site().name()).isEqualTo("Test site");
	}

	@Test
	void auditorsReadButChangeNothing() throws Exception {
		String key = site();
		MockHttpSession auditor = signIn(Role.AUDITOR);
		mvc.perform(get("/consent").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(containsString(key)))
				.andExpect(content().string(not(containsString("action=\"/consent\""))));
		mvc.perform(get("/consent/" + key).session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(containsString("disabled")));
		mvc.perform(post("/consent/" + key + "/settings").session(auditor).with(csrf()).param("name", "Changed")
				.param("languages", "fr").param("defaultLanguage", "fr"))
				.andExpect(status().isForbidden());
		String token = fixtures.tokenFor(Role.AUDITOR);
		mvc.perform(get("/api/v1/consent/sites/" + key).header("Authorization", "Bearer " + token))
				.andExpect(status().isOk()).andExpect(jsonPath("$.site.name").value("Test site"));
		mvc.perform(post("/api/v1/consent/sites/" + key + "/categories").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"key": "ads", "name": {"fr": "Pub", "en": "Ads"}, "description": {"fr": "Pub", "en": "Ads"}}"""))
				.andExpect(status().isForbidden());
		assertThat(catalogue.catalogue(key).site().name()).isEqualTo("Test site");
		assertThat(catalogue.catalogue(key).category("ads")).isNull();
	}

	@Test
	void aRefusedSettingsFormSavesNothingAndSaysWhy() throws Exception {
		String key = site();
		MockHttpSession session = signIn(Role.ADMIN);
		// A valid new name, but one origin has a path: the whole form is refused.
		mvc.perform(post("/consent/" + key + "/settings").session(session).with(csrf()).param("name", "Renamed")
				.param("origins", "https://www.test.example", "https://test.example/shop").param("languages", "fr", "en")
				.param("defaultLanguage", "fr")).andExpect(status().isOk())
				.andExpect(content().string(containsString("https://test.example/shop is not an origin")))
				.andExpect(content().string(containsString("value=\"Renamed\"")))
				.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		// A field format error (lifetime over 13 months) is refused the same way.
		mvc.perform(post("/consent/" + key + "/settings").session(session).with(csrf()).param("name", "Renamed")
				.param("origins", "https://www.test.example").param("languages", "fr").param("defaultLanguage", "fr")
				.param("consentLifetimeDays", "900")).andExpect(status().isOk())
				.andExpect(content().string(containsString("class=\"field-error\"")));
		// The default language must be one of the languages.
		mvc.perform(post("/consent/" + key + "/settings").session(session).with(csrf()).param("name", "Renamed")
				.param("languages", "fr").param("defaultLanguage", "nl"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("The default language must be one of the site’s languages.")));
		Catalogue.Site site = catalogue.catalogue(key).site();
		assertThat(site.name()).isEqualTo("Test site");
		assertThat(site.origins()).containsExactly("https://www.test.example");
		assertThat(site.consentLifetimeDays()).isEqualTo(182);
	}

	@Test
	void aCategoryWithoutTheTextsOfEverySiteLanguageIsNotCreated() throws Exception {
		String key = site();
		MockHttpSession session = signIn(Role.PRIVACY);
		mvc.perform(post("/consent/" + key + "/categories").session(session).with(csrf()).param("key", "ads")
				.param("name[fr]", "Publicité").param("description[fr]", "Publicité ciblée.")
				.param("name[en]", "Advertising")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Required: description (en).")));
		assertThat(catalogue.catalogue(key).category("ads")).isNull();
	}

	@Test
	void theNecessaryCategoryCannotBeDeletedNorMadeRefusable() throws Exception {
		String key = site();
		String token = fixtures.tokenFor(Role.PRIVACY);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.delete("/api/v1/consent/sites/" + key + "/categories/necessary").header("Authorization", "Bearer " + token))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("The necessary category is always there: it cannot be deleted."));
		mvc.perform(put("/api/v1/consent/sites/" + key + "/categories/necessary").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"name": {"fr": "Nécessaires", "en": "Necessary"}, "description": {"fr": "Toujours.", "en": "Always."},
						 "gcmTypes": ["security_storage"], "refuseOnGpc": true}"""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.necessary").value(true))
				.andExpect(jsonPath("$.refuseOnGpc").value(false));
	}

	@Test
	void theApiEditsTheCatalogueAndRefusesInvalidChangesWithProblemDetails() throws Exception {
		String token = "Bearer " + fixtures.tokenFor(Role.PRIVACY);
		String key = uniqueKey();
		mvc.perform(post("/api/v1/consent/sites").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"key": "%s", "name": "Api site", "origins": ["https://API.example:8443"], "languages": ["en"],
						 "defaultLanguage": "en"}""".formatted(key)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.site.origins[0]").value("https://api.example:8443"))
				.andExpect(jsonPath("$.site.consentLifetimeDays").value(182))
				.andExpect(jsonPath("$.site.waitForUpdateMs").value(500))
				.andExpect(jsonPath("$.categories[0].key").value("necessary"));
		mvc.perform(post("/api/v1/consent/sites").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"key": "Bad Key", "name": "", "languages": ["de"], "defaultLanguage": "de"}"""))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[?(@.field == 'key')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
		mvc.perform(post("/api/v1/consent/sites/" + key + "/services").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"key": "chat", "name": "Chat", "provider": "Chat Inc", "category": "marketing",
						 "description": {"en": "Live chat"}}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("Choose one of the site’s categories."));
		mvc.perform(post("/api/v1/consent/sites/" + key + "/services").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"key": "chat", "name": "Chat", "provider": "Chat Inc", "category": "necessary",
						 "description": {"en": "Live chat"}}""")).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/consent/sites/" + key + "/services/chat/cookies").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"name": "chat_id", "retentionDays": 30, "toBeConfirmed": true}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("Say in the note what is to be confirmed."));
		mvc.perform(post("/api/v1/consent/sites/" + key + "/services/chat/cookies").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"name": "bad name;", "retentionDays": 30}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(put("/api/v1/consent/sites/" + key + "/banner-texts").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"en": {"title": "New title", "acceptEverything": "Yes"}}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("acceptEverything is not a banner text."));
		mvc.perform(get("/api/v1/consent/sites/" + key + "/services/nothing").header("Authorization", token))
				.andExpect(status().isNotFound());

		Catalogue saved = catalogue.catalogue(key);
		assertThat(saved.service("chat").cookies()).isEmpty();
		assertThat(saved.bannerTexts().get("en").get("title")).isEqualTo("Your choice about cookies");
	}

	@Test
	void bannerTextsArePerLanguageAndCheckedAsAWhole() throws Exception {
		String key = site();
		MockHttpSession session = signIn(Role.PRIVACY);
		mvc.perform(post("/consent/" + key + "/texts").session(session).with(csrf()).param("text.fr.title", "Vos cookies")
				.param("text.en.title", "Your cookies").param("text.en.body", " ")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Required: body (en).")));
		assertThat(catalogue.catalogue(key).bannerTexts().get("fr").get("title")).isEqualTo("Votre choix en matière de cookies");
		mvc.perform(post("/consent/" + key + "/texts").session(session).with(csrf()).param("text.fr.title", "Vos cookies")
				.param("text.en.title", "Your cookies")).andExpect(redirectedUrl("/consent/" + key + "?tab=texts"));
		Map<String, Map<String, String>> texts = catalogue.catalogue(key).bannerTexts();
		assertThat(texts.get("fr").get("title")).isEqualTo("Vos cookies");
		assertThat(texts.get("en").get("title")).isEqualTo("Your cookies");
		assertThat(texts.get("en")).containsKeys(CatalogueRules.BANNER_KEYS.toArray(String[]::new));
	}

	@Test
	void aLanguageWithoutItsTextsIsAFieldErrorOfTheApi() throws Exception {
		String key = site();
		mvc.perform(put("/api/v1/consent/sites/" + key + "/banner-texts")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.PRIVACY)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"fr\": {\"title\": \"Vos cookies\"}, \"en\": null}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("en"))
				.andExpect(jsonPath("$.errors[0].message").value("Give the texts of en as an object of text keys and texts."));
		assertThat(catalogue.catalogue(key).bannerTexts().get("fr").get("title")).isEqualTo("Votre choix en matière de cookies");
	}

	@Test
	void aPlaceholderTextThatDoesNotNameWhatItNeedsIsNotSaved() throws Exception {
		String key = site();
		String token = "Bearer " + fixtures.tokenFor(Role.PRIVACY);
		mvc.perform(put("/api/v1/consent/sites/" + key + "/banner-texts").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"en": {"title": "New title", "placeholder": "This content stays blocked until you accept the cookies it uses."}}"""))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("en.placeholder"))
				.andExpect(jsonPath("$.detail").value(
						"The text placeholder (en) must name what the blocked content needs: keep {category} in it."));
		mvc.perform(put("/api/v1/consent/sites/" + key + "/banner-texts").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"fr": {"placeholderButton": "Autoriser et afficher"}}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fr.placeholderButton"));
		Map<String, Map<String, String>> texts = catalogue.catalogue(key).bannerTexts();
		assertThat(texts.get("en")).containsEntry("title", "Your choice about cookies")
				.containsEntry("placeholder", "This content needs cookies of the category \u201c{category}\u201d, used for:");
		assertThat(texts.get("fr")).containsEntry("placeholderButton", "Autoriser \u00ab {service} \u00bb et afficher");

		mvc.perform(put("/api/v1/consent/sites/" + key + "/banner-texts").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"en": {"placeholder": "Blocked: it needs {category}.", "placeholderButton": "Show {service}"}}"""))
				.andExpect(status().isOk());
	}

	/**
	 * Placeholder texts as Charter shipped them take the new defaults; one someone wrote stays, is listed
	 * as missing its name, and keeps the site from being published until it is fixed.
	 */
	@Test
	void thePlaceholderMigrationReplacesShippedTextsAndPublishingRefusesUnnamedOnes() throws Exception {
		String key = site();
		UUID siteId = jdbc.sql("select id from consent_site where site_key = :k").param("k", key).query(UUID.class).single();
		jdbc.sql("update consent_banner_text set text = 'Allow and show' where site_id = :s and text_key = 'placeholderButton'"
				+ " and language = 'en'").param("s", siteId).update();
		jdbc.sql("update consent_banner_text set text = 'Contenu bloqué.' where site_id = :s and text_key = 'placeholder'"
				+ " and language = 'fr'").param("s", siteId).update();
		String migration;
		try (var in = getClass().getResourceAsStream("/db/migration/consent/V2026_12_07_1031__consent_placeholder_names.sql")) {
			migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				jdbc.sql(statement).update();
			}
		}
		Map<String, Map<String, String>> texts = catalogue.catalogue(key).bannerTexts();
		assertThat(texts.get("en")).containsEntry("placeholderButton", "Allow \u201c{service}\u201d and show");
		assertThat(texts.get("fr")).containsEntry("placeholder", "Contenu bloqué.");

		mvc.perform(post("/api/v1/consent/sites/" + key + "/versions")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.PRIVACY)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"summary\": {\"fr\": \"Première version\", \"en\": \"First version\"}}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fr.placeholder"));
		assertThat(jdbc.sql("select count(*) from declaration_version where site_id = :s").param("s", siteId)
				.query(Long.class).single()).isZero();
	}

	/**
	 * Live chat gets its own category on installs that still have Tawk.to as shipped, under analytics;
	 * a site that edited the entry keeps it. The migration names the shipped site: run here on a copy.
	 */
	@Test
	void theLiveChatMigrationMovesTheShippedTawkToEntryOutOfAnalytics() throws Exception {
		String shipped = site();
		String edited = site();
		String shippedFr = "Dans sa plateforme, WeGroup utilise Tawk.to pour prévoir un live chat avec l\u2019équipe de "
				+ "support. Le chat reconnaît les visiteurs d\u2019une visite à l\u2019autre ; il n\u2019est chargé qu\u2019avec votre accord.";
		for (String key : List.of(shipped, edited)) {
			catalogue.createCategory(key, new CategoryForm("analytics", Map.of("fr", "Analytique", "en", "Analytics"),
					Map.of("fr", "Mesure.", "en", "Measure."), List.of("analytics_storage"), false, 10));
			catalogue.createService(key, new ServiceForm("tawk-to", "Tawk.to", "tawk.to", "analytics", false, null,
					Map.of("fr", key.equals(shipped) ? shippedFr : "Notre chat.", "en", "Chat.")));
		}
		String migration;
		try (var in = getClass().getResourceAsStream("/db/migration/consent/V2026_12_09_0700__consent_live_chat_category.sql")) {
			migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		for (String key : List.of(shipped, edited)) {
			String copy = migration.replace("'wegroup-be'", "'" + key + "'")
					.replace("6c1f0e2a-9d4b-4c7e-8a15-3f2b7d9e0c41", UUID.randomUUID().toString());
			for (int run = 0; run < 2; run++) { // a second run changes nothing
				// Statements end a line: the shipped French text has a semicolon of its own.
				for (String statement : copy.replaceAll("(?m)^--.*$", "").split(";\\R")) {
					if (!statement.isBlank()) {
						jdbc.sql(statement).update();
					}
				}
			}
		}
		Catalogue moved = catalogue.catalogue(shipped);
		assertThat(moved.service("tawk-to").category()).isEqualTo("chat");
		assertThat(moved.category("chat").name()).containsEntry("en", "Live chat cookies").containsEntry("fr",
				"Cookies de live chat").containsEntry("nl", "Livechatcookies");
		assertThat(moved.category("chat").gcmTypes()).isEmpty();
		assertThat(moved.category("chat").necessary()).isFalse();
		Catalogue kept = catalogue.catalogue(edited);
		assertThat(kept.service("tawk-to").category()).isEqualTo("analytics");
		assertThat(kept.category("chat")).isNull();
	}

	/** _gat takes the organisation's range where it still has Google's 1 minute as shipped; an edited one stays. */
	@Test
	void theGatMigrationPublishesTheOrganisationsRetentionNotGooglesGuess() throws Exception {
		String shipped = site();
		String edited = site();
		for (String key : List.of(shipped, edited)) {
			catalogue.createCategory(key, new CategoryForm("analytics", Map.of("fr", "Analytique", "en", "Analytics"),
					Map.of("fr", "Mesure.", "en", "Measure."), List.of("analytics_storage"), false, 10));
			catalogue.createService(key, new ServiceForm("google-analytics", "Google Analytics", "Google", "analytics",
					false, null, Map.of("fr", "Mesure.", "en", "Measure.")));
			catalogue.addCookie(key, "google-analytics", new CookieForm("_gat_gtag_UA_123265168_1", null, false, 0,
					Map.of("fr", "1 minute", "nl", "1 minuut", "en", key.equals(shipped) ? "1 minute" : "60 seconds"),
					Map.of(), true, "Google documents 1 minute."));
		}
		String migration;
		try (var in = getClass().getResourceAsStream("/db/migration/consent/V2026_12_09_0730__consent_gat_retention_as_given.sql")) {
			migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		for (String key : List.of(shipped, edited)) {
			jdbc.sql(migration.replaceAll("(?m)^--.*$", "").strip().replaceAll(";$", "")
					.replace("'wegroup-be'", "'" + key + "'")).update();
		}
		Catalogue.Cookie gat = catalogue.catalogue(shipped).service("google-analytics").cookies().get(0);
		assertThat(gat.retention()).containsEntry("fr", "1 jour \u2013 2 ans").containsEntry("en", "1 day \u2013 2 years");
		assertThat(gat.retentionDays()).isEqualTo(730);
		assertThat(gat.toBeConfirmed()).isTrue();
		assertThat(gat.note()).contains("1 minute");
		assertThat(catalogue.catalogue(edited).service("google-analytics").cookies().get(0).retention())
				.containsEntry("en", "60 seconds");
	}

	/** Sites created before the "my cookie data" link existed get its default text, and stay publishable. */
	@Test
	void theCookieDataLinkMigrationGivesOlderSitesTheDefaultText() throws Exception {
		String key = site();
		UUID siteId = jdbc.sql("select id from consent_site where site_key = :k").param("k", key).query(UUID.class).single();
		jdbc.sql("delete from consent_banner_text where site_id = :s and text_key = 'myCookieData'").param("s", siteId)
				.update();
		jdbc.sql("update consent_banner_text set text = 'Own title' where site_id = :s and text_key = 'title'")
				.param("s", siteId).update();
		String migration;
		try (var in = getClass().getResourceAsStream("/db/migration/consent/V2026_11_26_1202__consent_cookie_data_text.sql")) {
			migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		jdbc.sql(migration).update();
		jdbc.sql(migration).update(); // idempotent: texts a site already has stay as they are

		Map<String, Map<String, String>> texts = catalogue.catalogue(key).bannerTexts();
		assertThat(texts.get("fr")).containsEntry("myCookieData", "Mes données de cookies").containsEntry("title", "Own title");
		assertThat(texts.get("nl")).containsEntry("myCookieData", "Mijn cookiegegevens");
		assertThat(texts.get("en")).containsEntry("myCookieData", "My cookie data");
		assertThat(jdbc.sql("select count(*) from consent_banner_text where site_id = :s and text_key = 'myCookieData'")
				.param("s", siteId).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theServiceAndCookieFormsRoundTrip() {
		String key = site();
		catalogue.createService(key, new ServiceForm("site", "Site", "Test SA", "necessary", false, null,
				Map.of("fr", "Le site.", "en", "The site.")));
		Catalogue.Cookie cookie = catalogue.addCookie(key, "site", new CookieForm("sid", ".test.example", false, null,
				Map.of(), Map.of(), false, null));
		catalogue.updateCookie(key, "site", cookie.id(), new CookieForm("sid", ".test.example", false, 0,
				Map.of("en", "30 minutes"), Map.of("en", "Keeps you signed in."), false, ""));
		Catalogue.Cookie saved = catalogue.cookie(key, "site", cookie.id());
		assertThat(saved.retentionDays()).isZero();
		assertThat(saved.retention()).containsEntry("en", "30 minutes");
		assertThat(saved.purpose()).containsOnlyKeys("en");
		assertThat(saved.note()).isNull();
		catalogue.updateCategory(key, "necessary", CategoryForm.of(catalogue.catalogue(key).category("necessary")));
	}
}
