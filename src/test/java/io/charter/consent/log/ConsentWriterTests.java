package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.ConsentLogSettings;
import io.charter.consent.DatabaseWatch;

/** A failed group commit fails only the records that cannot be stored; nothing is half-acknowledged. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ConsentWriterTests {

	@Autowired
	ConsentRecords records;
	@Autowired
	DatabaseWatch database;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;

	ConsentRecord record(UUID siteId, String site) {
		Map<String, Boolean> choices = new LinkedHashMap<>();
		choices.put("analytics", true);
		choices.put("tracking", true);
		return new ConsentRecord(UUID.randomUUID(), siteId, site, ConsentLogSites.visitor(), 1, ConsentMethod.ACCEPT_ALL,
				choices, "en", null, "ef".repeat(32), "Safari 17", Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void aBadRecordInABatchFailsAloneAndTheOthersAreStored() throws Exception {
		String site = new ConsentLogSites(jdbc, json).site();
		UUID siteId = records.siteId(site).orElseThrow();
		ConsentWriter writer = new ConsentWriter(records, database, new ConsentLogSettings(30,
				java.time.Period.ofYears(5), "-", DataSize.ofKilobytes(4), 500, 1, 1000, java.time.Duration.ofSeconds(10),
				java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5)));
		List<CompletableFuture<ConsentRecord>> good = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			good.add(writer.write(record(siteId, site)));
		}
		// A site that does not exist: the foreign key fails the whole batch on the first try.
		CompletableFuture<ConsentRecord> bad = writer.write(record(UUID.randomUUID(), site));
		for (int i = 0; i < 20; i++) {
			good.add(writer.write(record(siteId, site)));
		}
		writer.start(); // one writer drains all 41 into one batch
		try {
			for (CompletableFuture<ConsentRecord> g : good) {
				ConsentRecord stored = g.get(20, TimeUnit.SECONDS);
				assertThat(records.exists(stored.id())).isTrue();
			}
			try {
				bad.get(20, TimeUnit.SECONDS);
				throw new AssertionError("the bad record was acknowledged");
			}
			catch (ExecutionException e) {
				assertThat(e.getCause()).isInstanceOf(ConsentRefused.class);
				assertThat(((ConsentRefused) e.getCause()).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			}
			assertThat(new ConsentLogSites(jdbc, json).records(site)).isEqualTo(40);
		}
		finally {
			writer.stop();
		}
		// Stopped: refuses at once instead of hanging.
		assertThat(writer.write(record(siteId, site))).isCompletedExceptionally();
	}

	@Test
	void aBatchIsSplitIntoStatementsOfTheKeptSizes() {
		assertThat(ConsentRecords.statements(1)).containsExactly(0, 0, 1);
		assertThat(ConsentRecords.statements(75)).containsExactly(1, 1, 3);
		assertThat(ConsentRecords.statements(500)).containsExactly(7, 6, 4);
	}

	@Test
	void everyRowOfAMultiRowInsertKeepsItsOwnValues() {
		String site = new ConsentLogSites(jdbc, json).site();
		UUID siteId = records.siteId(site).orElseThrow();
		List<ConsentRecord> batch = new ArrayList<>();
		for (int i = 0; i < 75; i++) {
			Map<String, Boolean> choices = new LinkedHashMap<>();
			choices.put("analytics", i % 2 == 0);
			choices.put("tracking", i % 3 == 0);
			Instant at = Instant.parse("2026-12-07T10:00:00Z").plusMillis(i);
			batch.add(new ConsentRecord(UUID.randomUUID(), siteId, site, ConsentLogSites.visitor(), 1, ConsentMethod.CUSTOM,
					choices, i % 2 == 0 ? "en" : "fr", i % 5 == 0 ? null : "https://www.site.test/p" + i,
					Integer.toHexString(i).repeat(64).substring(0, 64), "Firefox " + i, at, at.minusSeconds(i)));
		}
		database.transactions(java.time.Duration.ofSeconds(10), false)
				.executeWithoutResult(status -> records.insert(batch));
		for (ConsentRecord sent : batch) {
			assertThat(records.find(site, siteId, sent.id())).hasValue(sent);
		}
	}
}
