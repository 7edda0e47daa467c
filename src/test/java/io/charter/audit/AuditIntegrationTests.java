package io.charter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.Fixtures;
import io.charter.identity.IdentityManagement;
import io.charter.shared.Role;
import io.charter.shared.AuditableEvent;

@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class AuditIntegrationTests {

	record Probe(String actor, String action, String entityType, String entityId, String summary, Instant occurredAt)
			implements AuditableEvent {
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	AuditTrail trail;
	@Autowired
	Fixtures fixtures;
	@Autowired
	IdentityManagement identity;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	AuditCheckpoints checkpoints;
	@Autowired
	CheckpointFile checkpointFile;
	@Autowired
	TransactionTemplate tx;

	MockHttpSession login(String email, String password) throws Exception {
		return Fixtures.signIn(mvc, email, password);
	}

	@Test
	void recordsWhoChangedWhatThroughEvents() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String adminId = identity.users().stream().filter(u -> u.email().equals(Fixtures.ADMIN_EMAIL)).findFirst()
				.orElseThrow().actorId();
		String email = Fixtures.uniqueEmail("audited");
		mvc.perform(post("/admin/users").session(admin).with(csrf()).param("email", email).param("displayName", "Aud")
				.param("roles", "RECEPTION").param("language", "nl")).andExpect(redirectedUrl("/admin/users"));
		String userId = identity.users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow().id()
				.toString();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select actor || ' ' || summary from audit_entry where action = 'user.invited' and entity_id = :id")
				.param("id", userId).query(String.class).list()).containsExactly(adminId + " roles RECEPTION"));
		// The page says what happened, to what, in the reader's language.
		MockHttpSession auditor = login(fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		String page = mvc.perform(get("/audit").session(auditor).param("entityId", userId).param("lang", "fr"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(">Invité</span>", "Utilisateur <code>" + userId + "</code>").doesNotContain("(UTC)");
		// No e-mail address of the invited person in the trail.
		assertThat(jdbc.sql("select count(*) from audit_entry where summary like :e").param("e", "%" + email + "%")
				.query(Long.class).single()).isZero();
	}

	@Test
	void chainsEachEntryToThePreviousOne() {
		AuditEntry first = trail.record(new Probe("system", "probe.first", "probe", "1", "first", Instant.now()));
		AuditEntry second = trail.record(new Probe("system", "probe.second", "probe", "2", "second", Instant.now()));
		assertThat(second.seq()).isEqualTo(first.seq() + 1);
		assertThat(second.prevHash()).isEqualTo(first.hash());
		assertThat(AuditChain.hash(second)).isEqualTo(second.hash());
		assertThat(trail.verify().valid()).isTrue();
	}

	/** The trail as it stood at an instant: the entries before it, checked, and the last one's hash. */
	@Test
	void theTrailAtAnInstantEndsWithTheLastEntryBeforeIt() {
		Instant at = Instant.now();
		AuditEntry before = trail.record(new Probe("system", "probe.before", "probe", "b", "before", at));
		AuditEntry after = trail.record(new Probe("system", "probe.after", "probe", "a", "after", at.plusSeconds(1)));
		AuditTrail.ChainAt then = trail.verifyUntil(at.plusMillis(500));
		assertThat(then.hash()).isEqualTo(before.hash()).isNotEqualTo(after.hash());
		assertThat(then.verification().valid()).isTrue();
		assertThat(then.verification().entries()).isEqualTo(before.seq());
		assertThat(trail.verifyUntil(Instant.EPOCH).hash()).isEqualTo("0".repeat(64));
		assertThat(trail.verifyUntil(Instant.EPOCH).verification().entries()).isZero();
	}

	@Test
	void verificationPointsAtAnEditedRow() throws Exception {
		AuditEntry target = trail.record(new Probe("system", "probe.edit", "probe", "3", "original", Instant.now()));
		trail.record(new Probe("system", "probe.after", "probe", "4", "after", Instant.now()));
		assertThat(trail.verify().valid()).isTrue();
		jdbc.sql("update audit_entry set summary = 'forged' where seq = :seq").param("seq", target.seq()).update();
		try {
			ChainVerification result = trail.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstInvalid()).isEqualTo(target.seq());
			String token = fixtures.tokenFor(Role.AUDITOR);
			mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
					.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
					.andExpect(jsonPath("$.firstInvalid").value(target.seq()));
		}
		finally {
			jdbc.sql("update audit_entry set summary = 'original' where seq = :seq").param("seq", target.seq()).update();
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void verificationPointsAtARemovedRow() {
		AuditEntry target = trail.record(new Probe("system", "probe.remove", "probe", "5", "removed", Instant.now()));
		trail.record(new Probe("system", "probe.after", "probe", "6", "after", Instant.now()));
		jdbc.sql("delete from audit_entry where seq = :seq").param("seq", target.seq()).update();
		try {
			assertThat(trail.verify().firstInvalid()).isEqualTo(target.seq());
		}
		finally {
			jdbc.sql("""
					insert into audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, summary, prev_hash, hash)
					values (:seq, :at, :actor, :action, :type, :id, :summary, :prev, :hash)""")
					.param("seq", target.seq()).param("at", target.occurredAt().atOffset(java.time.ZoneOffset.UTC))
					.param("actor", target.actor()).param("action", target.action()).param("type", target.entityType())
					.param("id", target.entityId()).param("summary", target.summary()).param("prev", target.prevHash())
					.param("hash", target.hash()).update();
		}
		assertThat(trail.verify().valid()).isTrue();
	}

	@Test
	void onlyAdministratorsAndAuditorsReadTheTrail() throws Exception {
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + fixtures.tokenFor(Role.EMPLOYEE)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + fixtures.tokenFor(Role.ADMIN)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
				.andExpect(jsonPath("$.entries").isNumber());
		mvc.perform(get("/api/v1/audit").param("action", "probe.").param("size", "5")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/audit").param("size", "100000")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR))).andExpect(status().isBadRequest());
	}

	@Test
	void theAuditPageFiltersAndVerifies() throws Exception {
		trail.record(new Probe("system", "probe.page", "probe-page", "7", "shown on the page", Instant.now()));
		MockHttpSession auditor = login(fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/audit").session(auditor).param("entityType", "probe-page").param("verify", "true"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("shown on the page")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Chain intact")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("probe.edit"))));
		mvc.perform(get("/audit").session(auditor).param("from", "not-a-date")).andExpect(status().isBadRequest());
	}

	@Test
	void datesAtTheEndsOfTheCalendarSearchTheWholeTrail() throws Exception {
		trail.record(new Probe("system", "probe.far", "probe-far", "12", "far dates", Instant.now()));
		MockHttpSession auditor = login(fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/audit").session(auditor).param("entityType", "probe-far").param("from", "-999999999-01-01")
				.param("to", "+999999999-12-31")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("far dates")));
		mvc.perform(get("/api/v1/audit").param("entityType", "probe-far").param("to", "+999999999-12-31")
				.param("page", "2147483647").header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR)))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/audit").param("entityType", "probe-far").param("from", "-999999999-01-01")
				.param("to", "+999999999-12-31").header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
	}

	/**
	 * What someone with write access to the database, but not the checkpoint key, can do: change an
	 * entry and recompute, with the same hash function, every hash after it and the head. Holds the
	 * head's lock as an append does, so entries recorded meanwhile are chained on top.
	 */
	void rewrite(long seq, String summary) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("select last_seq from audit_head where id = 1 for update").query(Long.class).single();
			jdbc.sql("update audit_entry set summary = :summary where seq = :seq").param("summary", summary)
					.param("seq", seq).update();
			String prev = jdbc.sql("select hash from audit_entry where seq = :seq").param("seq", seq - 1)
					.query(String.class).optional().orElse(AuditChain.GENESIS);
			for (AuditEntry e : jdbc.sql("select * from audit_entry where seq >= :seq order by seq").param("seq", seq)
					.query((rs, n) -> new AuditEntry(rs.getLong("seq"),
							rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
							rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
							rs.getString("summary"), rs.getString("prev_hash"), rs.getString("hash")))
					.list()) {
				String hash = AuditChain.hash(prev, e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(),
						e.entityId(), e.summary());
				jdbc.sql("update audit_entry set prev_hash = :prev, hash = :hash where seq = :seq").param("prev", prev)
						.param("hash", hash).param("seq", e.seq()).update();
				jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1").param("seq", e.seq())
						.param("hash", hash).update();
				prev = hash;
			}
		});
	}

	AuditCheckpoint publishedCheckpoint() {
		trail.record(new Probe("system", "probe.checkpoint", "probe", "8", "to checkpoint", Instant.now()));
		return checkpoints.publishIfMoved().orElseThrow();
	}

	@Test
	void aRewriteWithEveryLaterHashRecomputedPassesThePlainCheckButNotTheCheckpoint() throws Exception {
		AuditEntry target = trail.record(new Probe("system", "probe.rewrite", "probe", "9", "original", Instant.now()));
		trail.record(new Probe("system", "probe.after", "probe", "10", "after", Instant.now()));
		AuditCheckpoint checkpoint = publishedCheckpoint();
		String line = checkpointFile.line(checkpoint);
		String token = "Bearer " + fixtures.tokenFor(Role.AUDITOR);
		mvc.perform(get("/api/v1/audit/verify").param("checkpoint", line).header("Authorization", token))
				.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
				.andExpect(jsonPath("$.checkpoint").value("matched"));

		rewrite(target.seq(), "forged");
		try {
			mvc.perform(get("/api/v1/audit/verify").header("Authorization", token)).andExpect(status().isOk())
					.andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.checkpoint").value("not-given"));
			mvc.perform(get("/api/v1/audit/verify").param("checkpoint", line).header("Authorization", token))
					.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
					.andExpect(jsonPath("$.checkpoint").value("mismatched"))
					.andExpect(jsonPath("$.firstInvalid").value(checkpoint.seq()));
			// Nor does the job vouch for the rewritten chain with a new checkpoint.
			trail.record(new Probe("system", "probe.after-rewrite", "probe", "11", "after the rewrite", Instant.now()));
			assertThat(checkpoints.publishIfMoved()).isEmpty();
			assertThat(checkpointFile.latest()).contains(checkpoint);
		}
		finally {
			rewrite(target.seq(), "original");
		}
		ChainVerification restored = trail.verify(checkpoint);
		assertThat(restored.valid()).isTrue();
		assertThat(restored.checkpoint()).isEqualTo(CheckpointMatch.MATCHED);
	}

	@Test
	void aCheckpointIsRefusedUnlessSignedWithTheKey() throws Exception {
		AuditCheckpoint real = publishedCheckpoint();
		javax.crypto.Mac otherKey = javax.crypto.Mac.getInstance("HmacSHA256");
		otherKey.init(new javax.crypto.spec.SecretKeySpec("another-key-another-key-another-key".getBytes(), "HmacSHA256"));
		String forgedMac = java.util.HexFormat.of().formatHex(otherKey.doFinal(AuditChain.framed(
				"charter-audit-checkpoint-v1", Long.toString(real.seq()), real.hash(), AuditChain.micros(real.at()))
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		String token = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		for (AuditCheckpoint forged : new AuditCheckpoint[] { new AuditCheckpoint(real.seq(), real.hash(), real.at(), forgedMac),
				new AuditCheckpoint(real.seq() - 1, real.hash(), real.at(), real.mac()),
				new AuditCheckpoint(real.seq(), AuditChain.GENESIS, real.at(), real.mac()) }) {
			mvc.perform(get("/api/v1/audit/verify").param("checkpoint", checkpointFile.line(forged))
					.header("Authorization", token)).andExpect(status().isBadRequest())
					.andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.errors[0].field").value("checkpoint"))
					.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not signed")));
		}
		mvc.perform(get("/api/v1/audit/verify").param("checkpoint", "{\"seq\": 1}").header("Authorization", token))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("checkpoint"));
	}

	@Test
	void checkpointsArePublishedToTheFileOnlyWhenTheChainMoved() throws Exception {
		AuditCheckpoint first = publishedCheckpoint();
		for (int run = 0; run < 3; run++) {
			checkpoints.publishIfMoved();
		}
		AuditCheckpoint last = publishedCheckpoint();
		List<String> lines = java.nio.file.Files.readAllLines(checkpointFile.path());
		List<AuditCheckpoint> published = lines.stream().map(l -> checkpointFile.read(l).orElseThrow()).toList();
		assertThat(published).contains(first).endsWith(last);
		// A run that found no new entry since the last checkpoint wrote nothing: never the same entry twice.
		assertThat(published).extracting(AuditCheckpoint::seq).isSorted().doesNotHaveDuplicates();
		assertThat(lines.get(lines.size() - 1)).startsWith("{\"seq\":" + last.seq() + ",\"hash\":\"" + last.hash());
	}

	@Test
	void theAuditPageVerifiesAgainstAPastedCheckpoint() throws Exception {
		AuditCheckpoint checkpoint = publishedCheckpoint();
		MockHttpSession auditor = login(fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/audit").session(auditor).param("verify", "true").param("checkpoint", checkpointFile.line(checkpoint)))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("It agrees with the checkpoint given.")));
		mvc.perform(get("/audit").session(auditor).param("verify", "true")
				.param("checkpoint", checkpointFile.line(new AuditCheckpoint(checkpoint.seq(), checkpoint.hash(),
						checkpoint.at().plusSeconds(1), checkpoint.mac()))))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("is not signed with this installation")));
		mvc.perform(get("/audit").session(auditor).param("verify", "true")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Without a checkpoint")));
	}
}
