package io.charter.consent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.charter.Fixtures;
import io.charter.consent.CatalogueRules;
import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.PublishForm;
import io.charter.consent.web.ServiceForm;
import io.charter.consent.web.SiteForm;
import io.charter.consent.web.VersionSummary;
import io.charter.shared.Role;


/** Publishing, the seeded WeGroup site, and the public cookie declaration built from published versions only. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class DeclarationIntegrationTests {

	static final String SEEDED = "wegroup-be";

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	CatalogueManagement catalogue;
	@Autowired
	DeclarationVersions versions;
	@Autowired
	JdbcClient jdbc;

	/** A site with an analytics category and one analytics service, ready to publish. */
	String readySite() {
		return readySite(catalogue);
	}

	/** A site with a category, a service and a cookie, ready to publish (also for the console's tests). */
	static String readySite(CatalogueManagement catalogue) {
		String key = "decl-" + UUID.randomUUID().toString().substring(0, 8);
		catalogue.createSite(new SiteForm(key, "Declared site", List.of("https://www.declared.example"),
				List.of("fr", "en"), "fr", null, null, null, null, null));
		catalogue.createCategory(key, new CategoryForm("analytics", Map.of("fr", "Mesure", "en", "Measurement"),
				Map.of("fr", "Mesurer l’audience.", "en", "Measure the audience."), List.of("analytics_storage"), false, null));
		catalogue.createService(key, new ServiceForm("stats", "Stats One", "Stats Inc", "analytics", false, null,
				Map.of("fr", "Statistiques de visite.", "en", "Visit statistics.")));
		catalogue.addCookie(key, "stats", new CookieForm("_st", null, false, 395, Map.of(), Map.of(), false, null));
		return key;
	}

	static PublishForm summary(String text) {
		return new PublishForm(Map.of("fr", text, "en", text), false, null);
	}

	@Test
	void publishingFreezesAVersionThatLaterDraftEditsDoNotReach() throws Exception {
		String key = readySite();
		String token = "Bearer " + fixtures.tokenFor(Role.PRIVACY);
		mvc.perform(get("/c/" + key + "/declaration")).andExpect(status().isNotFound());

		mvc.perform(post("/api/v1/consent/sites/" + key + "/versions").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"summary": {"fr": "Première version.", "en": "First version."}}"""))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1))
				.andExpect(jsonPath("$.material").value(true)).andExpect(jsonPath("$.materialVersion").value(1))
				.andExpect(jsonPath("$.publishedBy").value(org.hamcrest.Matchers.startsWith("user:")));
		mvc.perform(get("/c/" + key + "/declaration")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Stats One")))
				.andExpect(content().string(containsString("Première version.")));

		// A later draft edit stays out of the declaration until it is published.
		catalogue.createService(key, new ServiceForm("replay", "Replay Two", "Replay Inc", "analytics", true, null,
				Map.of("fr", "Rejeu des sessions.", "en", "Session replay.")));
		mvc.perform(get("/c/" + key + "/declaration")).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("Replay Two"))));
		assertThat(catalogue.pending(key).material()).extracting(f -> f.code()).containsExactly("service-added");

		VersionSummary second = catalogue.publish(key, summary("Ajout du rejeu de sessions."));
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.material()).isTrue();
		assertThat(second.materialVersion()).isEqualTo(2);
		mvc.perform(get("/c/" + key + "/declaration")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Replay Two")))
				.andExpect(content().string(containsString("Ajout du rejeu de sessions.")));

		// Version 1 is still what it was: its snapshot, and the hash stored with it.
		assertThat(catalogue.version(key, 1).services()).extracting(Declaration.Service::key).containsExactly("stats");
		Map<String, Object> row = jdbc.sql("""
				select v.snapshot, v.snapshot_hash from declaration_version v join consent_site s on s.id = v.site_id
				where s.site_key = :key and v.version = 1""").param("key", key).query().singleRow();
		assertThat(CatalogueManagement.sha256((String) row.get("snapshot"))).isEqualTo(row.get("snapshot_hash"));
		assertThat((String) row.get("snapshot")).doesNotContain("Replay Two");
		mvc.perform(get("/api/v1/consent/sites/" + key + "/versions/1").header("Authorization", token))
				.andExpect(status().isOk()).andExpect(jsonPath("$.services.length()").value(1))
				.andExpect(jsonPath("$.services[0].cookies[0].retention.fr").value("395 jours"));
	}

	@Test
	void publishingNothingNewIsRefused() throws Exception {
		String key = readySite();
		catalogue.publish(key, summary("v1"));
		String token = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		mvc.perform(post("/api/v1/consent/sites/" + key + "/versions").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"summary": {"fr": "Encore.", "en": "Again."}}"""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("Nothing changed since version 1: there is nothing to publish."));
		assertThat(catalogue.versions(key)).hasSize(1);
	}

	@Test
	void aPublicationNeedsEveryTextAndASummaryPerLanguage() {
		String key = readySite();
		catalogue.updateSite(key, new SiteForm(null, "Declared site", List.of("https://www.declared.example"),
				List.of("fr", "en", "nl"), "fr", null, null, null, null, null));
		assertThatThrownBy(() -> catalogue.publish(key, summary("v1"))).isInstanceOf(InvalidCatalogueChange.class)
				.hasMessageContaining("category analytics · name · nl");
		catalogue.updateSite(key, new SiteForm(null, "Declared site", List.of("https://www.declared.example"),
				List.of("fr", "en"), "fr", null, null, null, null, null));
		assertThatThrownBy(() -> catalogue.publish(key, new PublishForm(Map.of("fr", "v1"), false, null)))
				.isInstanceOf(InvalidCatalogueChange.class).hasMessageContaining("(en)");
		assertThat(catalogue.versions(key)).isEmpty();
	}

	@Test
	void aPublisherMayDeclareAChangeNotMaterialWithAReason() {
		String key = readySite();
		catalogue.publish(key, summary("v1"));
		catalogue.updateService(key, "stats", new ServiceForm(null, "Stats One", "Stats Inc", "analytics", false, null,
				Map.of("fr", "Statistiques des visites.", "en", "Visit statistics.")));
		assertThat(catalogue.pending(key).material()).extracting(f -> f.code()).containsExactly("service-purpose-changed");
		assertThatThrownBy(() -> catalogue.publish(key, new PublishForm(Map.of("fr", "Typo", "en", "Typo"), true, " ")))
				.isInstanceOf(InvalidCatalogueChange.class).hasMessage("Say why these changes are not material.");

		VersionSummary v2 = catalogue.publish(key, new PublishForm(Map.of("fr", "Correction d’une coquille.",
				"en", "Typo fixed."), true, "spelling only"));
		assertThat(v2.material()).isFalse();
		assertThat(v2.materialVersion()).isEqualTo(1);
		assertThat(v2.summary().get("fr")).isEqualTo("Correction d’une coquille. (Modification non substantielle : spelling only)");
		assertThat(v2.summary().get("en")).isEqualTo("Typo fixed. (Not a material change: spelling only)");
		Declaration frozen = catalogue.version(key, 2);
		assertThat(frozen.material()).isFalse();
		assertThat(frozen.materialVersion()).isEqualTo(1);
	}

	@Test
	void theSeededSiteHasItsFirstVersionPublishedBySystem() {
		Declaration v1 = versions.version(SEEDED, 1).orElseThrow();
		assertThat(v1.material()).isTrue();
		assertThat(v1.materialVersion()).isEqualTo(1);
		assertThat(v1.site().origins()).containsExactly("https://www.wegroup.be", "https://wegroup.be");
		assertThat(v1.site().languages()).containsExactly("fr", "nl", "en");
		assertThat(v1.site().defaultLanguage()).isEqualTo("fr");
		assertThat(v1.site().consentLifetimeDays()).isEqualTo(182);
		assertThat(v1.categories()).extracting(Declaration.Category::key).containsExactly("necessary", "analytics", "chat", "tracking");
		// Live chat is asked for on its own, not with analytics (consent is specific).
		assertThat(service(v1, "tawk-to").category()).isEqualTo("chat");
		assertThat(v1.category("chat").name()).containsEntry("en", "Live chat cookies");
		assertThat(v1.category("chat").gcmTypes()).isEmpty();
		assertThat(v1.category("tracking").gcmTypes()).containsExactly("ad_storage", "ad_user_data", "ad_personalization");
		assertThat(v1.category("tracking").refuseOnGpc()).isTrue();
		assertThat(v1.services()).extracting(Declaration.Service::key).containsExactlyInAnyOrder("wegroup", "tawk-to",
				"doubleclick", "medium", "google-analytics", "logrocket");
		assertThat(cookies(v1, "tawk-to")).containsExactlyInAnyOrder("_tawkuuid", "_cfduid", "ss", "tawkUUID");
		assertThat(cookies(v1, "medium")).containsExactlyInAnyOrder("optimizelyEndUserId", "sid", "uid", "_cfruid");
		assertThat(cookies(v1, "google-analytics")).containsExactlyInAnyOrder("_ga", "_ga_*", "_gid", "_gat_gtag_UA_123265168_1")
				.doesNotContain("collect");
		assertThat(cookies(v1, "doubleclick")).contains("IDE", "test_cookie");
		assertThat(cookies(v1, "logrocket")).contains("_lr_hb_*", "_lr_tabs_*");
		Declaration.Service site = service(v1, "wegroup");
		assertThat(site.category()).isEqualTo("necessary");
		assertThat(site.cookies().get(0).toBeConfirmed()).isTrue();
		assertThat(site.cookies().get(0).retentionDays()).isEqualTo(365);
		assertThat(service(v1, "doubleclick").thirdParty()).isTrue();
		assertThat(service(v1, "doubleclick").cookies()).allMatch(Declaration.Cookie::toBeConfirmed)
				.allMatch(c -> c.note() != null && !c.note().isBlank());
		assertThat(service(v1, "medium").cookies()).allMatch(Declaration.Cookie::thirdParty)
				.allMatch(c -> c.retentionDays() == 365);
		assertThat(service(v1, "tawk-to").cookies()).allMatch(c -> c.retentionDays() == 180);
		Declaration.Cookie gat = service(v1, "google-analytics").cookies().stream()
				.filter(c -> c.name().startsWith("_gat")).findFirst().orElseThrow();
		// The organisation's range (policy 4.3), not Google's 1 minute, which the organisation did not give.
		assertThat(gat.retention()).containsEntry("fr", "1 jour – 2 ans").containsEntry("nl", "1 dag – 2 jaar");
		assertThat(gat.toBeConfirmed()).isTrue();
		assertThat(v1.bannerTexts().keySet()).containsExactly("fr", "nl", "en");
		assertThat(v1.bannerTexts().get("fr")).containsEntry("settings", "Paramètres des cookies")
				.containsKeys(CatalogueRules.BANNER_KEYS.toArray(String[]::new));
		assertThat(jdbc.sql("""
				select v.published_by from declaration_version v join consent_site s on s.id = v.site_id
				where s.site_key = :key and v.version = 1""").param("key", SEEDED).query(String.class).single())
				.isEqualTo("system");
	}

	@ParameterizedTest
	@CsvSource({ "fr, Cookies de tracking, le droit de retirer votre consentement, Nom des cookies",
			"nl, Trackingcookies, het recht om uw toestemming op elk moment in te trekken, Naam van de cookie",
			"en, Tracking cookies, the right to withdraw your consent at any time, Cookie name" })
	void theDeclarationSpeaksEachLanguageOfTheSite(String lang, String category, String rightH, String column)
			throws Exception {
		MvcResult result = mvc.perform(get("/c/" + SEEDED + "/declaration").param("lang", lang))
				.andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(content().string(containsString("<html lang=\"" + lang + "\">")))
				.andExpect(content().string(containsString(category)))
				.andExpect(content().string(containsString(rightH)))
				.andExpect(content().string(containsString(column)))
				.andExpect(content().string(containsString("/privacy/requests?lang=" + lang + "\"")))
				.andExpect(content().string(containsString("WeGroup SA")))
				.andExpect(content().string(containsString("0680.957.816")))
				.andExpect(content().string(containsString("hello@wegroup.be")))
				.andExpect(content().string(containsString("_gat_gtag_UA_123265168_1")))
				.andExpect(content().string(containsString("IDE")))
				.andReturn();
		String html = result.getResponse().getContentAsString();
		// Live chat has its own category, and Tawk.to is not listed among the analytics services.
		String chat = Map.of("fr", "Cookies de live chat", "nl", "Livechatcookies", "en", "Live chat cookies").get(lang);
		assertThat(html).contains("<h3>" + chat + "</h3>");
		assertThat(html.substring(html.indexOf("id=\"declaration-analytics\""))).doesNotContain("Tawk.to");
		assertThat(html.substring(html.indexOf("id=\"declaration-first-party\""), html.indexOf("id=\"declaration-third-party\"")))
				.contains("Tawk.to <span class=\"status\">(").contains(" · " + chat + ")");
		// The controller as the organisation profile names it, in the page's language.
		assertThat(html).contains(Map.of("fr", "WeGroup SA, ", "nl", "WeGroup NV, ", "en", "WeGroup, ").get(lang))
				.contains(Map.of("fr", "Ottergemsesteenweg-Zuid 808 boîte 372, Gand", "nl",
						"Ottergemsesteenweg-Zuid 808 bus 372, Gent", "en", "Ottergemsesteenweg-Zuid 808 box 372, Ghent").get(lang));
		assertThat(html.split("<table ", -1)).hasSize(4);
		assertThat(html.substring(html.indexOf("class=\"rights\"")).split("<li>", -1)).hasSizeGreaterThanOrEqualTo(9);
		// The change log comes before the introduction.
		assertThat(html.indexOf("id=\"declaration-changes\"")).isLessThan(html.indexOf("id=\"declaration-intro\""));
		assertThat(html).doesNotContain("style=").doesNotContain("<script");
		// Reading the declaration opens no session: no cookie is set by the cookie declaration.
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void theDeclarationFallsBackToTheSiteDefaultLanguage() throws Exception {
		for (String query : new String[] { "", "?lang=de", "?lang=" }) {
			mvc.perform(get("/c/" + SEEDED + "/declaration" + query).header("Accept-Language", "en"))
					.andExpect(status().isOk()).andExpect(content().string(containsString("<html lang=\"fr\">")))
					.andExpect(content().string(containsString("Déclaration relative aux cookies")));
		}
		// Tells how to change one's mind: the banner's own "Cookie settings" control.
		mvc.perform(get("/c/" + SEEDED + "/declaration?lang=en")).andExpect(content().string(containsString("“Cookie settings”")));
	}

	@Test
	void anUnknownSiteGetsTheNotFoundPage() throws Exception {
		mvc.perform(get("/c/no-such-site/declaration")).andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(content().string(containsString("This page does not exist.")));
		mvc.perform(get("/c/no-such-site/declaration/fragment")).andExpect(status().isNotFound());
		// A key no site can have (upper case, markup) is not a bad request either: it names no site.
		for (String path : List.of("/c/WeGroup-BE/declaration", "/c/%3Csvg%3E/declaration", "/c/WeGroup-BE/declaration/fragment")) {
			mvc.perform(get(java.net.URI.create(path)).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
					.andExpect(content().string(not(containsString("<svg"))));
		}
	}

	@Test
	void theFragmentIsReadableOnlyByTheSiteOrigins() throws Exception {
		MvcResult allowed = mvc.perform(get("/c/" + SEEDED + "/declaration/fragment").param("lang", "nl")
				.header("Origin", "https://www.wegroup.be")).andExpect(status().isOk())
				.andExpect(header().string("Access-Control-Allow-Origin", "https://www.wegroup.be"))
				.andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem(containsString("Origin"))))
				.andExpect(content().string(containsString("Cookieverklaring")))
				.andExpect(content().string(containsString("<article class=\"declaration\" lang=\"nl\"")))
				.andReturn();
		assertThat(allowed.getResponse().getContentAsString()).doesNotContain("<html").doesNotContain("<head");
		mvc.perform(get("/c/" + SEEDED + "/declaration/fragment").header("Origin", "https://evil.example"))
				.andExpect(status().isOk()).andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		mvc.perform(get("/c/" + SEEDED + "/declaration/fragment").header("Origin", "https://www.wegroup.be.evil.example"))
				.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		mvc.perform(get("/c/" + SEEDED + "/declaration/fragment")).andExpect(status().isOk())
				.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
	}

	@Test
	void theAdminPagesShowPendingChangesAndPublish() throws Exception {
		String key = readySite();
		var session = (org.springframework.mock.web.MockHttpSession) mvc
				.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
						.user(fixtures.user(Role.PRIVACY).email()).password(Fixtures.PASSWORD))
				.andReturn().getRequest().getSession(false);
		mvc.perform(get("/consent/" + key).param("tab", "versions").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("First version of " + key)));
		mvc.perform(post("/consent/" + key + "/publish").session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("summary[fr]", "Première.")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Write a summary of the changes (en).")));
		assertThat(catalogue.versions(key)).isEmpty();
		mvc.perform(post("/consent/" + key + "/publish").session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("summary[fr]", "Première.").param("summary[en]", "First."))
				.andExpect(status().is3xxRedirection());
		assertThat(catalogue.versions(key)).hasSize(1);
		mvc.perform(get("/consent/" + key).param("tab", "versions").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("there is nothing to publish")));
	}

	static List<String> cookies(Declaration d, String service) {
		return service(d, service).cookies().stream().map(Declaration.Cookie::name).toList();
	}

	static Declaration.Service service(Declaration d, String key) {
		return d.services().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}
}
