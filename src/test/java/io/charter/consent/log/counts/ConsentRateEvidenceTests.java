package io.charter.consent.log.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.charter.platform.Utc;
import io.charter.shared.control.EvidenceRows;

/** C1's evidence rows: counts per site, version and method; no visitor. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ConsentRateEvidenceTests {

	@Autowired
	ConsentRateControls controls;
	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsAreCountedPerVersionAndMethodWithinThePeriod() {
		UUID site = UUID.randomUUID();
		jdbc.sql("""
				insert into consent_site (id, site_key, name, origins, languages, default_language, consent_lifetime_days,
				  refusal_lifetime_days, wait_for_update_ms, created_at)
				values (:id, :key, 'Evidence site', 'https://ev.example.test', 'en', 'en', 180, 90, 500, current_timestamp)""")
				.param("id", site).param("key", "ev-" + site.toString().substring(0, 12)).update();
		record(site, 1, "BANNER", "analytics=1", "2019-08-01T10:00:00Z");
		record(site, 1, "BANNER", "analytics=0", "2019-08-02T10:00:00Z");
		record(site, 1, "BANNER", "analytics=0", "2019-08-03T10:00:00Z");
		record(site, 2, "SETTINGS", "analytics=1", "2019-08-04T10:00:00Z");
		record(site, 2, "SETTINGS", "analytics=1", "2019-09-04T10:00:00Z");

		EvidenceRows rows = controls.evidence(ConsentRateControls.RATE, LocalDate.of(2019, 8, 1), LocalDate.of(2019, 8, 31))
				.orElseThrow();

		assertThat(rows.header()).containsExactly("site_id", "version", "method", "records", "accepting_a_category");
		assertThat(rows.rows()).filteredOn(r -> r.get(0).equals(site.toString())).containsExactly(
				List.of(site.toString(), "1", "BANNER", "3", "1"), List.of(site.toString(), "2", "SETTINGS", "1", "1"));
		assertThat(rows.rows().toString()).doesNotContain("visitor-");
	}

	private void record(UUID site, int version, String method, String choices, String at) {
		jdbc.sql("""
				insert into consent_record (id, site_id, visitor_id, version, method, choices, language, recorded_at)
				values (:id, :site, :visitor, :version, :method, :choices, 'en', :at)""").param("id", UUID.randomUUID())
				.param("site", site).param("visitor", "visitor-" + UUID.randomUUID()).param("version", version)
				.param("method", method).param("choices", choices).param("at", Utc.odt(Instant.parse(at))).update();
	}
}
