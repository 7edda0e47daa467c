package io.charter.consent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.PublishForm;
import io.charter.consent.web.ServiceForm;
import io.charter.platform.BaseUrl;
import io.charter.shared.Role;


/** The staff console around the catalogue: confirmations, the embed snippet, the preview, the version page. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueConsoleTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	CatalogueManagement catalogue;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BaseUrl baseUrl;

	MockHttpSession signIn(Role role) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(fixtures.user(role).email()).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
	}

	String site() {
		return DeclarationIntegrationTests.readySite(catalogue);
	}

	static PublishForm summary(String text) {
		return DeclarationIntegrationTests.summary(text);
	}

	@Test
	void deletingACookieOrAServiceWithoutConfirmationChangesNothingAndAsks() throws Exception {
		String key = site();
		var session = signIn(Role.PRIVACY);
		UUID cookie = catalogue.catalogue(key).service("stats").cookies().get(0).id();
		String cookiePath = "/consent/" + key + "/services/stats/cookies/" + cookie;

		mvc.perform(post(cookiePath + "/delete").session(session).with(csrf())).andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Delete the cookie _st?"),
						containsString("name=\"confirmed\" value=\"yes\""), containsString("action=\"" + cookiePath + "/delete\""))));
		assertThat(catalogue.catalogue(key).service("stats").cookies()).hasSize(1);
		mvc.perform(get(cookiePath + "/delete").session(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("leaves the draft catalogue")));
		assertThat(catalogue.catalogue(key).service("stats").cookies()).hasSize(1);

		mvc.perform(post("/consent/" + key + "/services/stats/delete").session(session).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("The service Stats One and its cookie leave the draft catalogue.")));
		assertThat(catalogue.catalogue(key).service("stats")).isNotNull();

		mvc.perform(post(cookiePath + "/delete").session(session).with(csrf()).param("confirmed", "yes"))
				.andExpect(redirectedUrl("/consent/" + key + "/services/stats"));
		assertThat(catalogue.catalogue(key).service("stats").cookies()).isEmpty();
		mvc.perform(post("/consent/" + key + "/services/stats/delete").session(session).with(csrf()).param("confirmed", "yes"))
				.andExpect(redirectedUrl("/consent/" + key + "?tab=services"));
		assertThat(catalogue.catalogue(key).service("stats")).isNull();
	}

	@Test
	void deletingACategoryIsConfirmedFirstInTheReadersLanguage() throws Exception {
		String key = site();
		catalogue.createCategory(key, new CategoryForm("social", Map.of("fr", "Réseaux", "en", "Social"),
				Map.of("fr", "Partage.", "en", "Sharing."), List.of(), false, null));
		var session = signIn(Role.PRIVACY);
		String path = "/consent/" + key + "/categories/social";
		assertThat(mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString())
				.contains("action=\"" + path + "/delete\"");

		mvc.perform(post(path + "/delete").session(session).with(csrf()).param("lang", "fr")).andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Supprimer la catégorie Réseaux ?"),
						containsString("name=\"confirmed\" value=\"yes\""))));
		assertThat(catalogue.catalogue(key).category("social")).isNotNull();

		mvc.perform(post(path + "/delete").session(session).with(csrf()).param("confirmed", "yes"))
				.andExpect(redirectedUrl("/consent/" + key + "?tab=categories"));
		assertThat(catalogue.catalogue(key).category("social")).isNull();
	}

	@Test
	void aMaterialPublicationSaysEveryVisitorWillBeAskedAgainBeforeItIsMade() throws Exception {
		String key = site();
		catalogue.publish(key, summary("Première."));
		catalogue.addCookie(key, "stats", new CookieForm("_st2", null, false, 30, Map.of(), Map.of(), false, null));
		var session = signIn(Role.PRIVACY);

		mvc.perform(post("/consent/" + key + "/publish").session(session).with(csrf())
				.param("summary[fr]", "Nouveau cookie.").param("summary[en]", "New cookie."))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("every visitor will be asked again"),
						containsString("New cookie outside the necessary category: stats/_st2"),
						containsString("name=\"summary[en]\" value=\"New cookie.\""),
						containsString("name=\"confirmed\" value=\"yes\""))));
		assertThat(catalogue.versions(key)).hasSize(1);

		mvc.perform(post("/consent/" + key + "/publish").session(session).with(csrf())
				.param("summary[fr]", "Nouveau cookie.").param("summary[en]", "New cookie.").param("confirmed", "yes"))
				.andExpect(redirectedUrl("/consent/" + key + "?tab=versions"));
		assertThat(catalogue.versions(key)).hasSize(2);
	}

	@Test
	void theSitePageShowsTheEmbedSnippetWithTheBaseUrl() throws Exception {
		String key = site();
		mvc.perform(get("/consent/" + key).session(signIn(Role.AUDITOR))).andExpect(status().isOk())
				.andExpect(content().string(allOf(
						containsString("&lt;script src=\"" + baseUrl.to("/c/" + key + "/banner.js") + "\" defer&gt;&lt;/script&gt;"),
						containsString("data-copy=\"embed-snippet\""), containsString("<script src=\"/js/copy.js\" defer></script>"))));
		mvc.perform(get("/js/copy.js")).andExpect(status().isOk());
	}

	@Test
	void thePreviewShowsTheDraftTextsToStaffOnlyAndRecordsNothing() throws Exception {
		String key = site();
		Map<String, String> en = new java.util.LinkedHashMap<>(catalogue.catalogue(key).bannerTexts().get("en"));
		en.put("title", "Draft title not yet published");
		catalogue.saveBannerTexts(key, Map.of("en", en), null);
		long records = jdbc.sql("select count(*) from consent_record").query(Long.class).single();

		mvc.perform(get("/consent/" + key + "/preview/en").session(signIn(Role.PRIVACY))).andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", containsString("no-store")))
				.andExpect(content().string(allOf(containsString("Draft title not yet published"),
						containsString("class=\"cb\""), not(containsString("<script")))));
		// The preferences layer of each language: its categories, their services and cookies, in that language.
		mvc.perform(get("/consent/" + key + "/preview/fr").param("layer", "preferences").session(signIn(Role.PRIVACY)))
				.andExpect(status().isOk()).andExpect(content().string(allOf(containsString("class=\"cs\""),
						containsString("lang=\"fr\""), containsString(">Mesure</label>"), containsString("Stats One"),
						containsString("<code>_st</code>"), not(containsString("<script")))));
		mvc.perform(get("/consent/" + key + "/preview/en").param("layer", "preferences").session(signIn(Role.PRIVACY)))
				.andExpect(content().string(allOf(containsString(">Measurement</label>"),
						containsString("Choose which categories of cookies you allow."))));
		mvc.perform(get("/consent/" + key + "/preview/banner.css").session(signIn(Role.AUDITOR)))
				.andExpect(status().isOk()).andExpect(content().string(containsString(".cb")));
		mvc.perform(get("/consent/" + key + "/preview/en").session(signIn(Role.EMPLOYEE)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/consent/" + key + "/preview/en")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/consent/" + key + "/preview/nl").session(signIn(Role.PRIVACY))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from consent_record").query(Long.class).single()).isEqualTo(records);
		mvc.perform(get("/consent/" + key).param("tab", "texts").session(signIn(Role.PRIVACY)))
				.andExpect(content().string(containsString("href=\"/consent/" + key + "/preview/fr\"")));
	}

	@Test
	void theVersionPageShowsEachChangedFieldBeforeAndAfterNotJson() throws Exception {
		String key = site();
		catalogue.publish(key, summary("Première."));
		Catalogue.Cookie cookie = catalogue.catalogue(key).service("stats").cookies().get(0);
		catalogue.updateCookie(key, "stats", cookie.id(), new CookieForm("_st", null, false, 30, Map.of(), Map.of(), false, null));
		catalogue.createService(key, new ServiceForm("replay", "Replay Two", "Replay Inc", "analytics", true, null,
				Map.of("fr", "Rejeu.", "en", "Session replay.")));
		catalogue.publish(key, summary("Plus longtemps."));

		mvc.perform(get("/consent/" + key).param("tab", "versions").session(signIn(Role.AUDITOR)))
				.andExpect(content().string(containsString("href=\"/consent/" + key + "/versions/2\"")));
		mvc.perform(get("/consent/" + key + "/versions/2").session(signIn(Role.AUDITOR))).andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Version 2 of Declared site"),
						containsString("Retention (days)"), containsString("<td>395</td>"), containsString("<td>30</td>"),
						containsString("<code>stats/_st</code>"), containsString("<code>replay</code>"), containsString("Added"),
						not(containsString("retentionDays")), not(containsString("{\"")))));
		mvc.perform(get("/consent/" + key + "/versions/2").param("lang", "fr").session(signIn(Role.AUDITOR)))
				.andExpect(content().string(containsString("Conservation (jours)")));
		mvc.perform(get("/consent/" + key + "/versions/9").session(signIn(Role.AUDITOR))).andExpect(status().isNotFound());
	}
}
