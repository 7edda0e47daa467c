package io.charter.consent.log.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.consent.log.ConsentLogSites;
import io.charter.shared.DashboardFigures.Figure;
import io.charter.shared.DashboardFigures.Today;
import io.charter.shared.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consent rate of this week counts a site's records that accept at least one optional category,
 * whatever their services say, and the dashboard shows it with the last publication to the team only.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ConsentFiguresTests {

	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	Clock clock;
	@Autowired
	ConsentRateFigures figures;
	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;

	void record(String siteKey, String choices, java.time.Instant at) {
		jdbc.sql("""
				insert into consent_record (id, site_id, visitor_id, version, method, choices, language, recorded_at)
				select :id, id, :visitor, 1, 'CUSTOM', :choices, 'fr', :at from consent_site where site_key = :key""")
				.param("id", UUID.randomUUID()).param("visitor", ConsentLogSites.visitor()).param("choices", choices)
				.param("at", at.atOffset(ZoneOffset.UTC)).param("key", siteKey).update();
	}

	@Test
	void theRateOfThisWeekCountsRecordsThatAcceptACategory() throws Exception {
		String site = new ConsentLogSites(jdbc, json).site();
		Today today = new Today(LocalDate.now(clock.withZone(ZoneId.of("Europe/Brussels"))), ZoneId.of("Europe/Brussels"));
		var now = clock.instant();
		record(site, "analytics=1,tracking=0", now);
		record(site, "analytics=0,tracking=0", now);
		// A service granted is not a category accepted.
		record(site, "analytics=0,tracking=0,analytics:matomo=1", now);
		record(site, "analytics=1,tracking=1", today.weekStartedAt().minusSeconds(1));

		Figure rate = figures.figures(today).stream().filter(f -> f.link().equals("/consent/" + site + "/records"))
				.findFirst().orElseThrow();
		assertThat(rate.messageKey()).isEqualTo("consent-log.figure.rate");
		assertThat(rate.arguments()).containsExactly("Test site", 1.0 / 3, 3L);

		String team = Fixtures.page(mvc, Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD), "/");
		assertThat(team).contains("<h2 id=\"today\">Today</h2>",
				"href=\"/consent/" + site + "/records\">Consent on Test site this week: 33% of 3 answers accept at least one optional category",
				"Last cookie declaration published on ").doesNotContain("What is asked of you");
		String employee = Fixtures.page(mvc, Fixtures.signIn(mvc, fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD), "/");
		assertThat(employee).contains("What is asked of you", "href=\"/me/compliance\"")
				.doesNotContain("Consent on Test site", "Last cookie declaration", "id=\"today\"");
	}

	@Test
	void onlyGrantedCategoriesCountAsAccepted() {
		assertThat(List.of("analytics=1", "analytics=0,tracking=1", "a=0,b=0,a:x=1", "a=0"))
				.map(ConsentRateFigures::acceptsACategory).containsExactly(true, true, false, false);
	}
}
