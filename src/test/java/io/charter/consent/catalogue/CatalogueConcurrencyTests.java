package io.charter.consent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import io.charter.Fixtures;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.SiteForm;
import io.charter.shared.Role;


/**
 * Saves of one site that race each other, on real threads against the test database: each either
 * saves whole or is refused with a 409, never a 500, and a save based on a revision someone else
 * has moved on from does not overwrite their change.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueConcurrencyTests {

	static final int THREADS = 8;

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	CatalogueManagement catalogue;

	final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	String site() {
		String key = "race-" + UUID.randomUUID().toString().substring(0, 8);
		catalogue.createSite(new SiteForm(key, "Race site", List.of("https://race.example"), List.of("fr", "en"), "fr",
				null, null, null, null, null));
		return key;
	}

	/** Fires every request at once, each on its own thread; their responses in the order given. */
	List<MockHttpServletResponse> race(IntFunction<RequestBuilder> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			RequestBuilder builder = request.apply(i);
			answers.add(pool.submit(() -> {
				start.await();
				return mvc.perform(builder).andReturn().getResponse();
			}));
		}
		start.countDown();
		List<MockHttpServletResponse> responses = new ArrayList<>();
		for (Future<MockHttpServletResponse> answer : answers) {
			responses.add(answer.get(60, TimeUnit.SECONDS));
		}
		return responses;
	}

	static List<Integer> statuses(List<MockHttpServletResponse> responses) {
		return responses.stream().map(MockHttpServletResponse::getStatus).toList();
	}

	static RequestBuilder texts(String token, String key, int n, Integer revision) {
		var request = put("/api/v1/consent/sites/" + key + "/banner-texts").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"fr": {"title": "Titre %1$d", "body": "Corps %1$d"}, "en": {"title": "Title %1$d", "body": "Body %1$d"}}"""
						.formatted(n));
		return revision == null ? request : request.param("revision", revision.toString());
	}

	/** The save whose texts the site now has; every text must come from that one save. */
	int wholeSaveIn(String key) {
		Map<String, Map<String, String>> texts = catalogue.catalogue(key).bannerTexts();
		int n = Integer.parseInt(texts.get("en").get("title").substring("Title ".length()));
		assertThat(texts.get("en")).containsEntry("body", "Body " + n);
		assertThat(texts.get("fr")).containsEntry("title", "Titre " + n).containsEntry("body", "Corps " + n);
		return n;
	}

	@Test
	void bannerTextsSavedAtOneRevisionAtOnceSaveOnceAndRefuseTheRest() throws Exception {
		String key = site();
		String token = "Bearer " + fixtures.tokenFor(Role.PRIVACY);
		int revision = catalogue.catalogue(key).site().revision();

		List<MockHttpServletResponse> responses = race(n -> texts(token, key, n, revision));

		assertThat(statuses(responses)).containsOnly(200, 409).containsOnlyOnce(200);
		responses.stream().filter(r -> r.getStatus() == 409)
				.forEach(r -> assertThat(r.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		int winner = statuses(responses).indexOf(200);
		assertThat(wholeSaveIn(key)).isEqualTo(winner);
		assertThat(catalogue.catalogue(key).site().revision()).isEqualTo(revision + 1);
	}

	@Test
	void bannerTextsSavedAtOnceWithoutARevisionTakeTurns() throws Exception {
		String key = site();
		String token = "Bearer " + fixtures.tokenFor(Role.PRIVACY);
		int revision = catalogue.catalogue(key).site().revision();

		List<Integer> statuses = statuses(race(n -> texts(token, key, n, null)));

		// Saves of one site wait for each other; a 409 could only be a lock wait that ran out.
		assertThat(statuses).isSubsetOf(200, 409).contains(200);
		wholeSaveIn(key);
		assertThat(catalogue.catalogue(key).site().revision())
				.isEqualTo(revision + (int) statuses.stream().filter(s -> s == 200).count());
	}

	@Test
	void siteSettingsSavedAtOneRevisionAtOnceSaveOnceAndRefuseTheRest() throws Exception {
		String key = site();
		String token = "Bearer " + fixtures.tokenFor(Role.PRIVACY);
		int revision = catalogue.catalogue(key).site().revision();

		List<Integer> statuses = statuses(race(n -> put("/api/v1/consent/sites/" + key).header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"name": "Name %d", "origins": ["https://race.example"], "languages": ["fr", "en"],
						 "defaultLanguage": "fr", "revision": %d}""".formatted(n, revision))));

		assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
		Catalogue.Site saved = catalogue.catalogue(key).site();
		assertThat(saved.name()).isEqualTo("Name " + statuses.indexOf(200));
		assertThat(saved.revision()).isEqualTo(revision + 1);
	}

	@Test
	void oneSiteKeyCreatedAtOnceMakesOneSite() throws Exception {
		String key = "race-" + UUID.randomUUID().toString().substring(0, 8);
		String token = "Bearer " + fixtures.tokenFor(Role.PRIVACY);

		List<Integer> statuses = statuses(race(n -> post("/api/v1/consent/sites").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"key": "%s", "name": "Name %d", "languages": ["en"], "defaultLanguage": "en"}""".formatted(key, n))));

		// The one that inserted first wins; the others saw the site (400: the key is taken) or
		// collided with its insert (409).
		assertThat(statuses).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 400 || s == 409);
		assertThat(catalogue.sites().stream().filter(s -> s.site().key().equals(key))).hasSize(1);
	}

	@Test
	void aSettingsPageReadBeforeAnotherSaveIsToldInsteadOfOverwritingIt() throws Exception {
		String key = site();
		int read = catalogue.catalogue(key).site().revision();
		catalogue.updateSite(key, new SiteForm(null, "Saved by someone else", List.of("https://race.example"),
				List.of("fr", "en"), "fr", null, null, null, null, null));
		MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);

		mvc.perform(post("/consent/" + key + "/settings").session(session).with(csrf()).param("name", "Stale rename")
				.param("origins", "https://race.example").param("languages", "fr", "en").param("defaultLanguage", "fr")
				.param("revision", String.valueOf(read)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Someone else saved this site in the meantime")))
				.andExpect(content().string(containsString("value=\"Stale rename\"")))
				.andExpect(content().string(containsString("name=\"revision\" value=\"" + (read + 1) + "\"")));
		assertThat(catalogue.catalogue(key).site().name()).isEqualTo("Saved by someone else");
	}
}
