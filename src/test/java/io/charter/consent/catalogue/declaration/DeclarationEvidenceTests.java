package io.charter.consent.catalogue.declaration;

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

/** C3-C6's evidence rows: each declaration version published in the period, with its hash. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class DeclarationEvidenceTests {

	@Autowired
	DeclarationControls controls;
	@Autowired
	JdbcClient jdbc;

	@Test
	void theVersionsPublishedInThePeriodWithTheirHash() {
		UUID site = UUID.randomUUID();
		jdbc.sql("""
				insert into consent_site (id, site_key, name, origins, languages, default_language, consent_lifetime_days,
				  refusal_lifetime_days, wait_for_update_ms, created_at)
				values (:id, :key, 'Evidence site', 'https://ev.example.test', 'en', 'en', 180, 90, 500, current_timestamp)""")
				.param("id", site).param("key", "ev-" + site.toString().substring(0, 12)).update();
		// Versions with an empty snapshot: removed after, as other tests read every published declaration.
		try {
			publish(site, 1, "2019-10-01T09:00:00Z", "hash-one");
			publish(site, 2, "2019-11-01T09:00:00Z", "hash-two");

			EvidenceRows rows = controls.evidence(DeclarationControls.CURRENT, LocalDate.of(2019, 10, 1),
					LocalDate.of(2019, 10, 31)).orElseThrow();

			assertThat(rows.header()).containsExactly("published_at", "site_id", "version", "material", "snapshot_sha256");
			assertThat(rows.rows()).filteredOn(r -> r.get(1).equals(site.toString()))
					.containsExactly(List.of("2019-10-01T09:00:00Z", site.toString(), "1", "true", "hash-one"));
			assertThat(controls.evidence(DeclarationControls.PUBLISHED, LocalDate.of(2019, 10, 1), LocalDate.of(2019, 11, 30))
					.orElseThrow().rows()).filteredOn(r -> r.get(1).equals(site.toString())).hasSize(2);
		}
		finally {
			jdbc.sql("delete from declaration_version where site_id = :id").param("id", site).update();
			jdbc.sql("delete from consent_site where id = :id").param("id", site).update();
		}
	}

	private void publish(UUID site, int version, String at, String hash) {
		jdbc.sql("""
				insert into declaration_version (id, site_id, version, published_at, published_by, material,
				  material_version, summary_fr, summary_nl, summary_en, snapshot, snapshot_hash)
				values (:id, :site, :version, :at, 'test', true, :version, 's', 's', 's', '{}', :hash)""")
				.param("id", UUID.randomUUID()).param("site", site).param("version", version)
				.param("at", Utc.odt(Instant.parse(at))).param("hash", hash).update();
	}
}
