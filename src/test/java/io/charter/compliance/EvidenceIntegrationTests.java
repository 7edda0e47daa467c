package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.shared.Role;

/** The auditor asks for a package, it is built in the background, and what is downloaded verifies. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class EvidenceIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	EvidencePackages packages;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;
	@Autowired
	org.springframework.context.ApplicationEventPublisher events;
	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;
	@Autowired
	io.charter.platform.JobRuns runs;
	@Autowired
	ComplianceSettings settings;

	@Test
	void theAuditorDownloadsAPackageWhoseManifestVerifies() throws Exception {
		var auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(post("/compliance/evidence").session(auditor).with(csrf()).param("from", "2026-01-01")
				.param("to", "2026-12-31")).andExpect(status().is3xxRedirection());

		var row = await().atMost(Duration.ofSeconds(30)).until(
				() -> packages.latest().stream().filter(p -> p.from().toString().equals("2026-01-01")).findFirst()
						.filter(p -> !p.state().equals("RUNNING")).orElse(null),
				p -> p != null);
		assertThat(row.state()).isEqualTo("DONE");
		assertThat(row.done()).isEqualTo(row.total());

		byte[] zip = mvc.perform(get("/compliance/evidence/" + row.id() + ".zip").session(auditor))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(EvidencePackage.sha256(zip)).isEqualTo(row.sha256());
		Map<String, byte[]> files = EvidencePackageUnitTests.unzip(zip);
		assertThat(files).containsKeys("controls/training-12-months.csv", "controls/training-sessions-scheduled.csv",
				"controls/exemptions-in-force.csv", "audit-verification.txt", "clause-table.pdf");
		for (String line : new String(files.get(EvidencePackage.MANIFEST), StandardCharsets.UTF_8).lines().toList()) {
			String[] parts = line.split("  ", 2);
			assertThat(EvidencePackage.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
		}
		assertThat(new String(files.get("controls/exemptions-in-force.csv"), StandardCharsets.UTF_8))
				.startsWith("exemption_id,clause,check,subject_kind,subject_id,starts_on,ends_on,status,decision,decision_text");
		assertThat(new String(files.get("audit-verification.txt"), StandardCharsets.UTF_8)).contains("head_hash=");
	}

	/** Each build adds to the trail, yet a closed period's package quotes the trail as it stood then. */
	@Test
	void aClosedPeriodBuiltTwiceGivesTheSameManifest() throws Exception {
		var auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		List<String> manifests = new java.util.ArrayList<>();
		for (int build = 0; build < 2; build++) {
			java.util.Set<UUID> before = packages.latest().stream().map(p -> p.id()).collect(java.util.stream.Collectors.toSet());
			mvc.perform(post("/compliance/evidence").session(auditor).with(csrf()).param("from", "2025-01-01")
					.param("to", "2025-12-31")).andExpect(status().is3xxRedirection());
			var row = await().atMost(Duration.ofSeconds(30)).until(() -> packages.latest().stream()
					.filter(p -> !before.contains(p.id()) && !p.state().equals("RUNNING")).findFirst().orElse(null),
					p -> p != null);
			assertThat(row.state()).isEqualTo("DONE");
			byte[] zip = mvc.perform(get("/compliance/evidence/" + row.id() + ".zip").session(auditor))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
			manifests.add(new String(EvidencePackageUnitTests.unzip(zip).get(EvidencePackage.MANIFEST), StandardCharsets.UTF_8));
		}
		assertThat(manifests.get(1)).isEqualTo(manifests.get(0)).contains("audit-verification.txt");
	}

	@Test
	void privacyReadsTheTableButNotTheEvidence() throws Exception {
		var privacy = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		mvc.perform(get("/compliance/evidence").session(privacy)).andExpect(status().isForbidden());
		mvc.perform(post("/compliance/evidence").session(privacy).with(csrf()).param("from", "2026-01-01")
				.param("to", "2026-12-31")).andExpect(status().isForbidden());
	}

	@Test
	void aPeriodLongerThanAYearIsRefusedWithTheTypedValuesKept() throws Exception {
		var auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(post("/compliance/evidence").session(auditor).with(csrf()).param("from", "2024-01-01")
				.param("to", "2026-12-31")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.containsString("value=\"2024-01-01\"")));
	}

	@Test
	void aBuildLeftRunningByAStoppedInstanceBlocksOnlyUntilItIsAbandoned() {
		java.util.UUID orphan = java.util.UUID.randomUUID();
		java.time.Instant started = java.time.Instant.now().minus(EvidencePackages.ABANDONED_AFTER).minusSeconds(60);
		jdbc.sql("""
				insert into compliance_evidence (id, period_from, period_to, requested_by, requested_at, state,
				  done_files, total_files, running)
				values (:id, date '2025-01-01', date '2025-12-31', 'user:orphan', :at, 'RUNNING', 1, 9, 1)""")
				.param("id", orphan).param("at", java.sql.Timestamp.from(started)).update();

		java.util.UUID next = packages.start(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 3, 31),
				"user:next");

		assertThat(jdbc.sql("select state from compliance_evidence where id = :id").param("id", orphan)
				.query(String.class).single()).isEqualTo("FAILED");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select state from compliance_evidence where id = :id")
				.param("id", next).query(String.class).single(), state -> !state.equals("RUNNING"));
	}

	@Test
	void aPackagePastItsRetentionLosesItsZipButTheTrailKeepsItsHash() throws Exception {
		java.util.UUID id = packages.start(java.time.LocalDate.of(2024, 2, 1), java.time.LocalDate.of(2024, 2, 29),
				"user:retention");
		String sha = await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select sha256 from compliance_evidence where id = :id and state = 'DONE'")
						.param("id", id).query(String.class).optional().orElse(null), v -> v != null);
		java.time.Instant built = jdbc.sql("select finished_at from compliance_evidence where id = :id").param("id", id)
				.query(java.time.OffsetDateTime.class).single().toInstant();
		io.charter.MovableClock clock = new io.charter.MovableClock();
		EvidenceRetention retention = new EvidenceRetention(jdbc, events, tx, runs, clock, settings);

		clock.set(built.plus(settings.evidenceRetention()).minusSeconds(1));
		retention.expire();
		assertThat(packages.zip(id)).as("kept until the retention period is over").isPresent();

		clock.set(built.plus(settings.evidenceRetention()).plusSeconds(1));
		assertThat(retention.expire()).isPositive();
		assertThat(packages.zip(id)).isEmpty();
		assertThat(jdbc.sql("select state, sha256, content from compliance_evidence where id = :id").param("id", id)
				.query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getBytes(3)).single())
				.isEqualTo("EXPIRED:" + sha + ":null");

		var auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/compliance/evidence/" + id + ".zip").session(auditor)).andExpect(status().isNotFound());
		String page = mvc.perform(get("/compliance/evidence").session(auditor)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(sha).contains("Removed after the retention period").doesNotContain(id + ".zip");

		var trail = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
				.sql("select action || ' ' || summary from audit_entry where entity_type = 'evidence' and entity_id = :id order by seq")
				.param("id", id.toString()).query(String.class).list(), l -> l.size() == 2);
		assertThat(trail.get(0)).startsWith("evidence.built ").contains("2024-02-01 to 2024-02-29").endsWith(sha);
		assertThat(trail.get(1)).startsWith("evidence.expired ").endsWith(sha);
	}
}
