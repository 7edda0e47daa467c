package io.charter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

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
}
