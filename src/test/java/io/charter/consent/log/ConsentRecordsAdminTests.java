package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.charter.Fixtures;
import io.charter.shared.Role;

/** The records page, its exports and the statistics API, with who may see and do what. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ConsentRecordsAdminTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	Fixtures fixtures;
	@Autowired
	ConsentRecords records;
	@Autowired
	TransactionTemplate transactions;

	String site;
	UUID siteId;
	LocalDate today = LocalDate.now(ZoneOffset.UTC);
	Instant noonToday = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
	String alice = ConsentLogSites.visitor();
	String bob = ConsentLogSites.visitor();
	List<ConsentRecord> stored = new ArrayList<>();

	@BeforeEach
	void recordsOverThreeDays() {
		site = new ConsentLogSites(jdbc, json).site();
		siteId = records.siteId(site).orElseThrow();
		// two days ago: alice accepts all; yesterday: bob refuses all, alice customises; today: bob via GPC, alice withdraws
		add(alice, ConsentMethod.ACCEPT_ALL, true, true, noonToday.minus(2, ChronoUnit.DAYS));
		add(bob, ConsentMethod.REFUSE_ALL, false, false, noonToday.minus(1, ChronoUnit.DAYS));
		add(alice, ConsentMethod.CUSTOM, true, false, noonToday.minus(1, ChronoUnit.DAYS).plusSeconds(60));
		add(bob, ConsentMethod.GPC, true, false, noonToday.minusSeconds(60));
		add(alice, ConsentMethod.WITHDRAW, false, false, noonToday);
	}

	void add(String visitor, ConsentMethod method, boolean analytics, boolean tracking, Instant at) {
		Map<String, Boolean> choices = new LinkedHashMap<>();
		choices.put("analytics", analytics);
		choices.put("tracking", tracking);
		ConsentRecord record = new ConsentRecord(UUID.randomUUID(), siteId, site, visitor, 1, method, choices, "nl",
				"https://www.wegroup.test/nl/", "ab".repeat(32), "Chrome 156", at, chosenAt(at));
		transactions.executeWithoutResult(s -> records.insert(List.of(record)));
		stored.add(record);
	}

	/** Each record as one the banner sent again: chosen 90 seconds before the log took it. */
	static Instant chosenAt(Instant recordedAt) {
		return recordedAt.minusSeconds(90);
	}

	MockHttpSession signIn(Role role) throws Exception {
		String email = Fixtures.uniqueEmail("consent-" + role.name().toLowerCase());
		fixtures.user(email, "en", role);
		return (MockHttpSession) mvc.perform(formLogin("/login").user(email).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
	}

	String page(MockHttpSession session, String query) throws Exception {
		return mvc.perform(get("/consent/" + site + "/records" + query).session(session)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}

	@Test
	void privacyTeamSearchesByVisitorConsentIdAndPeriod() throws Exception {
		MockHttpSession privacy = signIn(Role.PRIVACY);
		String all = page(privacy, "");
		assertThat(all).contains(stored.stream().map(r -> r.id().toString()).toArray(String[]::new));
		assertThat(all).contains("5 records found").contains("<svg").contains("<rect").contains("<polyline");
		assertThat(all).doesNotContain("style=", "<script");

		String byAlice = page(privacy, "?visitor=" + alice);
		assertThat(byAlice).contains("3 records found").contains(alice).doesNotContain(bob);

		String byId = page(privacy, "?consent=" + stored.get(1).id());
		assertThat(byId).contains("1 record found").contains(stored.get(1).id().toString())
				.doesNotContain(stored.get(0).id().toString());

		String yesterday = page(privacy, "?from=" + today.minusDays(1) + "&to=" + today.minusDays(1));
		assertThat(yesterday).contains("2 records found").contains(stored.get(1).id().toString(),
				stored.get(2).id().toString()).doesNotContain(stored.get(0).id().toString(), stored.get(4).id().toString());

		assertThat(page(privacy, "?consent=not-an-id")).contains("The consent id is not valid:");
		assertThat(page(privacy, "?consent=not-an-id&lang=fr")).contains("L’identifiant de consentement n’est pas valide");
		assertThat(page(privacy, "?from=26-11-2026&lang=nl")).contains("Schrijf datums als 2026-11-26.");
		page(privacy, "?lang=en");
		mvc.perform(get("/consent/no-such-site-" + UUID.randomUUID() + "/records").session(privacy))
				.andExpect(status().isNotFound());
	}

	@Test
	void exportsTheSearchAsCsvAndJson() throws Exception {
		MockHttpSession auditor = signIn(Role.AUDITOR);
		var csv = mvc.perform(get("/consent/" + site + "/records/export.csv?visitor=" + alice).session(auditor))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
				.andReturn().getResponse();
		assertThat(csv.getContentType()).startsWith("text/csv");
		List<String> lines = csv.getContentAsString().lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("consent_id,recorded_at,chosen_at,site,visitor_id,version,method,choices");
		assertThat(lines.get(1)).startsWith(stored.get(0).id() + "," + stored.get(0).recordedAt() + ","
				+ stored.get(0).recordedAt().minusSeconds(90) + "," + site + ",")
				.contains(alice, "ACCEPT_ALL", "\"analytics=1,tracking=1\"");
		assertThat(lines.get(3)).contains(stored.get(4).id().toString(), "WITHDRAW");

		var exported = mvc.perform(get("/consent/" + site + "/records/export.json?from=" + today).session(auditor))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".json")))
				.andReturn().getResponse().getContentAsString();
		JsonNode array = json.readTree(exported);
		assertThat(array.size()).isEqualTo(2);
		assertThat(array.get(0).get("method").stringValue()).isEqualTo("GPC");
		assertThat(Instant.parse(array.get(0).get("chosenAt").stringValue()))
				.isEqualTo(noonToday.minusSeconds(60 + 90));
		assertThat(array.get(0).get("choices").get("analytics").booleanValue()).isTrue();
		assertThat(array.get(1).get("visitorId").stringValue()).isEqualTo(alice);
	}

	@Test
	void statisticsCountMethodsAndOptInsPerDay() throws Exception {
		String token = fixtures.tokenFor(Role.AUDITOR);
		String body = mvc.perform(get("/api/v1/consent/sites/" + site + "/statistics?from=" + today.minusDays(2) + "&to=" + today)
				.header("Authorization", "Bearer " + token)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		JsonNode stats = json.readTree(body);
		assertThat(stats.get("categories").toString()).isEqualTo("[\"analytics\",\"tracking\"]");
		JsonNode totals = stats.get("totals");
		assertThat(totals.get("records").longValue()).isEqualTo(5);
		assertThat(totals.get("acceptAll").longValue()).isEqualTo(1);
		assertThat(totals.get("refuseAll").longValue()).isEqualTo(1);
		assertThat(totals.get("custom").longValue()).isEqualTo(1);
		assertThat(totals.get("gpc").longValue()).isEqualTo(1);
		assertThat(totals.get("withdraw").longValue()).isEqualTo(1);
		assertThat(totals.get("optIn").get("analytics").get("granted").longValue()).isEqualTo(3);
		assertThat(totals.get("optIn").get("analytics").get("shown").longValue()).isEqualTo(5);
		assertThat(totals.get("optIn").get("tracking").get("rate").doubleValue()).isEqualTo(0.2);
		JsonNode days = stats.get("days");
		assertThat(days.size()).isEqualTo(3);
		assertThat(days.get(1).get("day").stringValue()).isEqualTo(today.minusDays(1).toString());
		assertThat(days.get(1).get("records").longValue()).isEqualTo(2);
		assertThat(days.get(1).get("optIn").get("analytics").get("rate").doubleValue()).isEqualTo(0.5);
		assertThat(days.get(2).get("gpc").longValue()).isEqualTo(1);

		// Default period: the last 30 days.
		JsonNode recent = json.readTree(mvc.perform(get("/api/v1/consent/sites/" + site + "/statistics")
				.header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString());
		assertThat(recent.get("days").size()).isEqualTo(30);
		assertThat(recent.get("totals").get("records").longValue()).isEqualTo(5);

		mvc.perform(get("/api/v1/consent/sites/" + site + "/statistics?from=2020-01-01&to=2026-01-01")
				.header("Authorization", "Bearer " + token)).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/consent/sites/no-such-" + UUID.randomUUID() + "/statistics")
				.header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
	}

	@Test
	void onlyPrivacyAdminAndAuditorsSeeRecordsAndAuditorsCannotPurge() throws Exception {
		MockHttpSession employee = signIn(Role.EMPLOYEE);
		mvc.perform(get("/consent/" + site + "/records").session(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/consent/" + site + "/records/export.csv").session(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/consent/" + site + "/records/export.json").session(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/consent/sites/" + site + "/statistics")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.SECURITY))).andExpect(status().isForbidden());
		mvc.perform(get("/consent/" + site + "/records")).andExpect(status().is3xxRedirection());

		MockHttpSession auditor = signIn(Role.AUDITOR);
		assertThat(page(auditor, "")).doesNotContain("/records/purge");
		mvc.perform(post("/consent/" + site + "/records/purge").session(auditor).with(csrf()))
				.andExpect(status().isForbidden());

		MockHttpSession admin = signIn(Role.ADMIN);
		assertThat(page(admin, "")).contains("/records/purge");
		mvc.perform(post("/consent/" + site + "/records/purge").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/consent/" + site + "/records"));
		// Nothing here is past retention.
		assertThat(new ConsentLogSites(jdbc, json).records(site)).isEqualTo(5);
	}
}
