package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import io.charter.MovableClock;
import io.charter.consent.log.retention.ConsentRetention;

/** Records past retention (5 years by default) are purged, by moving the clock, and the purge is audited. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ConsentRetentionTests {

	@Autowired
	MovableClock clock;
	@Autowired
	ConsentRetention retention;
	@Autowired
	ConsentRecords records;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;

	UUID add(String site, Instant at) {
		Map<String, Boolean> choices = new LinkedHashMap<>();
		choices.put("analytics", false);
		choices.put("tracking", false);
		ConsentRecord record = new ConsentRecord(UUID.randomUUID(), records.siteId(site).orElseThrow(), site,
				ConsentLogSites.visitor(), 1, ConsentMethod.REFUSE_ALL, choices, "fr", null, "cd".repeat(32), "Other", at);
		transactions.executeWithoutResult(s -> records.insert(List.of(record)));
		return record.id();
	}

	boolean exists(UUID id) {
		return records.exists(id);
	}

	@Test
	void purgesRecordsOlderThanFiveYearsAsTheClockMovesAndAuditsTheCount() {
		// The shared context's clock (io.charter.TestClock), moved into the past only: after the two days
		// below it is still before every other test's "now".
		clock.set(Instant.now().minus(Duration.ofDays(3)));
		String site = new ConsentLogSites(jdbc, json).site();
		Instant fiveYearsAgo = clock.instant().atZone(ZoneOffset.UTC).minusYears(5).toInstant();
		UUID expired = add(site, fiveYearsAgo.minus(Duration.ofDays(1)));
		UUID expiredToo = add(site, fiveYearsAgo.minus(Duration.ofHours(1)));
		UUID kept = add(site, fiveYearsAgo.plus(Duration.ofDays(1)));
		UUID recent = add(site, clock.instant().minus(Duration.ofDays(30)));

		assertThat(retention.purge()).isGreaterThanOrEqualTo(2);
		assertThat(exists(expired)).isFalse();
		assertThat(exists(expiredToo)).isFalse();
		assertThat(exists(kept)).isTrue();
		assertThat(exists(recent)).isTrue();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select summary from audit_entry where action = 'consent-record.purged' and entity_id = :site""")
				.param("site", site).query(String.class).list()).singleElement()
				.satisfies(s -> assertThat(s).startsWith("2 consent record(s)")));

		clock.advance(Duration.ofDays(2));
		retention.purgeOnSchedule();
		assertThat(exists(kept)).isFalse();
		assertThat(exists(recent)).isTrue();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from audit_entry where action = 'consent-record.purged' and entity_id = :site""")
				.param("site", site).query(Long.class).single()).isEqualTo(2));
	}
}
