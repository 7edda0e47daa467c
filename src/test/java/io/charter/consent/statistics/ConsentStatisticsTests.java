package io.charter.consent.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

import io.charter.Fixtures;
import io.charter.MovableClock;
import io.charter.consent.Declaration;
import io.charter.consent.log.ConsentLogSites;
import io.charter.consent.log.ConsentRecording;
import io.charter.consent.log.counts.ConsentTallies;
import io.charter.shared.Role;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * Statistics against counts made here from the records this test wrote through the consent log:
 * counted live, after the roll-up (twice), and after a purge; and the page that shows them.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ConsentStatisticsTests {

	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	ApplicationContext context;
	@Autowired
	DailyStatistics statistics;
	@Autowired
	ConsentTallies tallies;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	Clock clock;
	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;

	/** One record as this test wrote it. */
	record Written(String id, LocalDate day, int version, String language, String method, Map<String, Boolean> choices,
			String page) {
	}

	final List<Written> written = new ArrayList<>();
	String site;
	UUID siteId;
	ConsentRecording recording;
	LocalDate today;

	static Declaration.Category named(String key, boolean refuseOnGpc, String en, String fr) {
		Map<String, String> name = Map.of("en", en, "fr", fr, "nl", en);
		return new Declaration.Category(key, false, refuseOnGpc, List.of(), name, name);
	}

	@BeforeEach
	void records() throws Exception {
		ConsentLogSites sites = new ConsentLogSites(jdbc, json);
		site = sites.site();
		// Version 2 adds a category: a material change, visitors are asked again.
		sites.publish(site, 2, List.of(ConsentLogSites.category("necessary", true, false),
				named("analytics", false, "Audience measurement", "Mesure d'audience"),
				named("tracking", true, "Advertising", "Publicité"), named("video", false, "Embedded videos", "Vidéos")));
		siteId = tallies.siteId(site).orElseThrow();
		recording = new ConsentRecording(context);
		today = tallies.today();
		write(1, "ACCEPT_ALL", Map.of("analytics", true, "tracking", true), "fr", "/fr/", 3);
		write(1, "REFUSE_ALL", Map.of("analytics", false, "tracking", false), "nl", "/nl/", 9);
		write(1, "CUSTOM", Map.of("analytics", true, "tracking", false), "fr", null, 3);
		write(2, "GPC", Map.of("analytics", true, "tracking", false, "video", true), "en", "/en/", 0);
		write(2, "GPC", Map.of("analytics", false, "tracking", false, "video", false), "fr", "/fr/", 1);
		write(2, "WITHDRAW", Map.of("analytics", false, "tracking", false, "video", true), "fr", "/fr/", 0);
		write(2, "ACCEPT_ALL", Map.of("analytics", true, "tracking", true, "video", true), "nl", "/nl/", 1);
		write(2, "CUSTOM", Map.of("analytics", false, "tracking", true, "video", true), "fr", "/fr/contact", 0);
	}

	/** Writes through the consent log today, then moves the record {@code daysAgo} back (the test cannot wait for days to pass). */
	void write(int version, String method, Map<String, Boolean> choices, String language, String page, int daysAgo)
			throws Exception {
		String body = json.writeValueAsString(new LinkedHashMap<>(Map.of("visitorId", ConsentLogSites.visitor(),
				"version", version, "method", method, "choices", choices, "language", language)));
		if (page != null) {
			body = body.replaceFirst("\\}$", ",\"pageUrl\":\"https://www.wegroup.test" + page + "?q=1\"}");
		}
		String id = recording.record(site, body);
		jdbc.sql("update consent_record set recorded_at = recorded_at - cast(:days as int) * interval '1' day where id = :id")
				.param("days", daysAgo).param("id", UUID.fromString(id)).update();
		written.add(new Written(id, today.minusDays(daysAgo), version, language, method, choices, page == null ? "" : "https://www.wegroup.test" + page));
	}

	/** Counts made from what was written, the same shape the statistics answer. */
	static Figures expected(List<Written> records) {
		Figures.Sum sum = new Figures.Sum();
		for (Written w : records) {
			sum.records(w.method(), 1);
			w.choices().forEach((c, granted) -> sum.choice(c, granted ? 1 : 0, granted ? 0 : 1));
		}
		return sum.figures();
	}

	List<Written> between(LocalDate from, LocalDate to) {
		return written.stream().filter(w -> !w.day().isBefore(from) && !w.day().isAfter(to)).toList();
	}

	void assertMatches(LocalDate from, LocalDate to) {
		DayRows.Counts counts = statistics.read(siteId, from, to);
		Figures actual = StatisticsReport.total(counts);
		Figures wanted = expected(between(from, to));
		assertThat(actual.records()).isEqualTo(wanted.records());
		assertThat(actual.methods()).isEqualTo(wanted.methods());
		assertThat(actual.categories()).isEqualTo(wanted.categories());
		Map<String, Long> pages = new LinkedHashMap<>();
		counts.pages().forEach(p -> pages.merge(p.page(), p.records(), Long::sum));
		Map<String, Long> wantedPages = new LinkedHashMap<>();
		between(from, to).forEach(w -> wantedPages.merge(w.page(), 1L, Long::sum));
		assertThat(pages).isEqualTo(wantedPages);
	}

	/**
	 * Now, or once yesterday is complete if it is not yet: in the first {@link StatisticsRollUp#GRACE}
	 * after midnight UTC the roll-up rightly holds yesterday back, which the tests' "yesterday is rolled
	 * up" would otherwise read as a failure.
	 */
	Instant pastGrace() {
		Instant complete = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(StatisticsRollUp.GRACE);
		return clock.instant().isAfter(complete) ? clock.instant() : complete;
	}

	StatisticsRollUp rollUpAt(Instant now) {
		MovableClock moved = new MovableClock();
		moved.set(now);
		return new StatisticsRollUp(statistics, tallies, moved, transactions);
	}

	@Test
	void theFiguresAreTheRecordsCountedLiveRolledUpAndAfterAPurge() {
		LocalDate from = today.minusDays(9);
		assertMatches(from, today);
		assertMatches(today.minusDays(3), today.minusDays(1));

		// A day is rolled up only once complete: today stays live.
		StatisticsRollUp rollUp = rollUpAt(pastGrace());
		assertThat(rollUp.rollUp()).isPositive();
		assertThat(statistics.rolledDays(siteId, from, today)).contains(today.minusDays(1)).doesNotContain(today);
		assertMatches(from, today);
		assertThat(rollUp.rollUp()).as("a second run counts nothing twice").isZero();
		assertMatches(from, today);
		assertThat(jdbc.sql("select coalesce(sum(records), 0) from consent_statistic where site_id = :s").param("s", siteId)
				.query(Long.class).single()).isEqualTo(written.stream().filter(w -> w.day().isBefore(today)).count());

		// The retention purge: what aggregates keep follows what is left.
		Instant cutoff = today.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
		assertThat(recording.purge(site, cutoff)).isEqualTo(written.stream().filter(w -> w.day().isBefore(today.minusDays(2))).count());
		written.removeIf(w -> w.day().isBefore(today.minusDays(2)));
		assertMatches(from, today);
		assertThat(statistics.rolledDays(siteId, from, today.minusDays(3))).isEmpty();
		rollUp.rollUp();
		assertMatches(from, today);
		assertThat(jdbc.sql("select count(*) from consent_statistic where site_id = :s and on_day < :d").param("s", siteId)
				.param("d", today.minusDays(2)).query(Long.class).single()).isZero();
	}

	@Test
	void anErasureAndARestrictionLeaveTheFiguresOfWhatRemains() {
		StatisticsRollUp rollUp = rollUpAt(pastGrace());
		rollUp.rollUp();
		PersonalDataHolder consent = context.getBeansOfType(PersonalDataHolder.class).values().stream()
				.filter(h -> h.name().equals("consent")).findFirst().orElseThrow();
		Written erased = written.stream().filter(w -> w.day().equals(today.minusDays(3))).findFirst().orElseThrow();
		Written restricted = written.stream().filter(w -> w.day().equals(today.minusDays(9))).findFirst().orElseThrow();
		consent.erase(new DataSubject(UUID.randomUUID(), null, visitor(erased), "en"));
		consent.restrict(new DataSubject(UUID.randomUUID(), null, visitor(restricted), "en"));
		written.remove(erased);
		written.remove(restricted);
		assertMatches(today.minusDays(9), today);
		rollUp.rollUp();
		assertMatches(today.minusDays(9), today);
	}

	String visitor(Written w) {
		return jdbc.sql("select visitor_id from consent_record where id = :id").param("id", UUID.fromString(w.id()))
				.query(String.class).single();
	}

	@Test
	void aDayIsCompleteOnlyAnHourAfterItsEnd() {
		Instant midnight = today.atStartOfDay().toInstant(ZoneOffset.UTC);
		assertThat(rollUpAt(midnight.plus(Duration.ofMinutes(30))).lastCompleteDay()).isEqualTo(today.minusDays(2));
		assertThat(rollUpAt(midnight.plus(Duration.ofMinutes(61))).lastCompleteDay()).isEqualTo(today.minusDays(1));
	}

	@Test
	void theRollUpOfTodayInTheFutureCountsEveryRecordOnce() {
		rollUpAt(clock.instant().plus(Duration.ofDays(2))).rollUp();
		assertThat(statistics.rolledDays(siteId, today, today)).containsExactly(today);
		assertMatches(today.minusDays(9), today);
	}

	@Test
	void thePageShowsNamesFiguresAndBreakdownsToTheTeamOnly() throws Exception {
		MockHttpSession privacy = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String page = Fixtures.page(mvc, privacy, "/consent/" + site + "/statistics?from=" + today.minusDays(1) + "&to=" + today);
		Figures now = expected(between(today.minusDays(1), today));
		Figures before = expected(between(today.minusDays(3), today.minusDays(2)));
		assertThat(page).contains("Opt-in: Audience measurement", "Refusal: Advertising", "Opt-in: Embedded videos",
				"id=\"by-version\"", "id=\"by-language\"", "id=\"by-page\"", "/fr/contact", "<svg", "<rect")
				.contains("<td>" + now.records() + "</td><td>" + before.records() + "</td>")
				.contains("<td>" + Figures.percent(now.rate("analytics").optIn()) + "</td><td>"
						+ Figures.percent(before.rate("analytics").optIn()) + "</td>")
				.contains("<td>" + Figures.percent(now.share("GPC")) + "</td>")
				.doesNotContain("Opt-in: analytics");

		String csv = mvc.perform(get("/consent/" + site + "/statistics/export.csv?from=" + today.minusDays(9) + "&to=" + today)
				.session(privacy)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long v1 = written.stream().filter(w -> w.version() == 1).count();
		long v2 = written.stream().filter(w -> w.version() == 2).count();
		assertThat(csv).contains("version,v1,", "version,v2,", "language,fr,", "page,https://www.wegroup.test/fr/contact,")
				.containsPattern("version,v1,[0-9-]+,[0-9-]+," + v1 + ",")
				.containsPattern("version,v2,[0-9-]+,[0-9-]+," + v2 + ",");

		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/consent/" + site + "/statistics").session(auditor)).andExpect(status().isOk());
		MockHttpSession employee = Fixtures.signIn(mvc, fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		mvc.perform(get("/consent/" + site + "/statistics").session(employee)).andExpect(status().isForbidden());
	}

	@Test
	void theApiGivesThePagesFiguresFromTheSameRollUp() throws Exception {
		rollUpAt(pastGrace()).rollUp();
		// Records of a rolled-up day gone from the log behind the statistics' back: the page keeps
		// showing the day's aggregates, and an API that counted the log itself would no longer agree.
		LocalDate gone = today.minusDays(3);
		jdbc.sql("delete from consent_record where site_id = :s and cast(recorded_at at time zone 'UTC' as date) = :d")
				.param("s", siteId).param("d", gone).update();
		LocalDate from = today.minusDays(9);
		Figures wanted = expected(between(from, today));
		assertThat(written.stream().filter(w -> w.day().equals(gone)).count()).isPositive();

		tools.jackson.databind.JsonNode api = json.readTree(mvc.perform(get("/api/v1/consent/sites/" + site
				+ "/statistics?from=" + from + "&to=" + today).header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		tools.jackson.databind.JsonNode totals = api.get("totals");
		assertThat(api.get("categories").toString()).isEqualTo("[\"analytics\",\"tracking\",\"video\"]");
		assertThat(totals.get("records").longValue()).isEqualTo(wanted.records());
		assertThat(totals.get("gpc").longValue()).isEqualTo(wanted.method("GPC"));
		for (String category : List.of("analytics", "tracking", "video")) {
			assertThat(totals.get("optIn").get(category).get("granted").longValue()).isEqualTo(wanted.rate(category).granted());
			assertThat(totals.get("optIn").get(category).get("shown").longValue()).isEqualTo(wanted.rate(category).shown());
		}
		assertThat(api.get("days").get(9 - 3).get("records").longValue())
				.isEqualTo(written.stream().filter(w -> w.day().equals(gone)).count());

		MockHttpSession privacy = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String page = Fixtures.page(mvc, privacy, "/consent/" + site + "/statistics?from=" + from + "&to=" + today);
		assertThat(page).contains("<td>" + totals.get("records").longValue() + "</td><td>")
				.contains("<td>" + Figures.percent(totals.get("optIn").get("analytics").get("rate").doubleValue()) + "</td><td>");
	}

	@Test
	void aBadPeriodIsRefusedWithAClearMessage() throws Exception {
		MockHttpSession privacy = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String page = mvc.perform(get("/consent/" + site + "/statistics?from=yesterday&to=" + today).session(privacy))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Enter dates such as 2026-12-01.", "value=\"yesterday\"", "aria-invalid=\"true\"");
		mvc.perform(get("/consent/" + site + "/statistics?from=" + today + "&to=" + today.minusDays(1)).session(privacy))
				.andExpect(status().isBadRequest());
		String problem = mvc.perform(get("/consent/" + site + "/statistics/export.csv?from=2024-01-01&to=2026-01-01")
				.session(privacy)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(problem).contains("A period covers at most 366 days.");
	}
}
