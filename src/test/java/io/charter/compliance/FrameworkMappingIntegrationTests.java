package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.shared.Role;

/**
 * The shipped mapping of clauses to ISO/IEC 27001:2022 Annex A and GDPR / ePrivacy articles, the
 * Statement of Applicability drawn from it, and its edits: audited, refused to AUDITOR, typed input
 * kept when refused.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class FrameworkMappingIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	Clauses clauses;
	@Autowired
	FrameworkMappings mappings;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationEvents events;

	@Test
	void theStatementOfApplicabilityListsEveryAnnexControlWithTheClausesServingIt() throws Exception {
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		String csv = mvc.perform(get("/compliance/statement-of-applicability.csv").session(auditor))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", containsString("statement-of-applicability.csv")))
				.andReturn().getResponse().getContentAsString();
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(94);
		assertThat(lines.get(0)).isEqualTo("control,title,applicable,justification,clauses,charter_controls,status");
		assertThat(lines.get(1)).startsWith("A.5.1,Policies for information security,yes,");
		assertThat(lines.get(93)).startsWith("A.8.34,Protection of information systems during audit testing,not assessed,");
		assertThat(lines).filteredOn(l -> l.startsWith("A.5.7,")).singleElement().asString()
				.contains("not assessed", "assess whether it applies");
		assertThat(lines).filteredOn(l -> l.startsWith("A.8.1,")).singleElement().asString()
				.contains("User endpoint devices,yes,", "S5 Unattended devices", "S6 Use of corporate assets",
						"device-screen-lock", "policy-acknowledged-work-behaviors");
		assertThat(lines).filteredOn(l -> l.startsWith("A.7.2,")).singleElement().asString()
				.contains("\"S2, S3\"", "visits-with-host").containsPattern("S2 (passing|attention|failing|not measured); ");
		assertThat(lines).filteredOn(l -> l.startsWith("A.6.3,")).singleElement().asString()
				.contains("S1", "training-12-months");
	}

	@Test
	void aClausePageShowsItsMappingToEveryReader() throws Exception {
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/compliance/clauses/C5").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(containsString("A.5.34 Privacy and protection of PII")))
				.andExpect(content().string(containsString("ePrivacy Art. 5(3)")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/mapping\""))));
	}

	@Test
	void securityRemapsAClauseAndTheTrailRecordsIt() throws Exception {
		String id = IntStream.range(10, 100).mapToObj(n -> "M" + n).filter(c -> !clauses.exists(c)).findFirst()
				.orElseThrow();
		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(post("/compliance/clauses").session(security).with(csrf()).param("id", id)
				.param("document", "work-behaviors").param("title", "Screens").param("wording", "Lock your screen."))
				.andExpect(redirectedUrl("/compliance/clauses/" + id));

		mvc.perform(post("/compliance/clauses/" + id + "/mapping").session(security).with(csrf())
				.param("annex", "7.7, A.5.1").param("articles", "GDPR Art. 32; ePrivacy Art. 5(3)"))
				.andExpect(redirectedUrl("/compliance/clauses/" + id + "#mapping"));

		assertThat(mappings.of(id)).isEqualTo(new FrameworkMappings.Mapping(List.of("A.5.1", "A.7.7"),
				List.of("GDPR Art. 32", "ePrivacy Art. 5(3)")));
		assertThat(events.stream(ComplianceEvent.ClauseMapped.class).filter(e -> e.clauseId().equals(id)))
				.singleElement().satisfies(e -> assertThat(e.previousAnnex()).isEmpty());
		// The trail records it after the commit, on its own thread.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
				.sql("select count(*) from audit_entry where action = 'clause.mapped' and entity_id = :id").param("id", id)
				.query(Integer.class).single()).isEqualTo(1));

		// The same mapping again changes nothing and records nothing.
		mvc.perform(post("/compliance/clauses/" + id + "/mapping").session(security).with(csrf())
				.param("annex", "A.7.7 A.5.1").param("articles", "ePrivacy Art. 5(3), GDPR Art. 32"))
				.andExpect(status().is3xxRedirection());
		assertThat(events.stream(ComplianceEvent.ClauseMapped.class).filter(e -> e.clauseId().equals(id))).hasSize(1);
	}

	@Test
	void auditorCannotChangeAMapping() throws Exception {
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		FrameworkMappings.Mapping before = mappings.of("S4");
		mvc.perform(post("/compliance/clauses/S4/mapping").session(auditor).with(csrf()).param("annex", "A.5.1")
				.param("articles", "")).andExpect(status().isForbidden());
		assertThat(mappings.of("S4")).isEqualTo(before);
	}

	@Test
	void aControlOutsideAnnexAOrAMisspeltArticleIsRefusedWithTheTypedValuesKept() throws Exception {
		MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);
		FrameworkMappings.Mapping before = mappings.of("S3");
		mvc.perform(post("/compliance/clauses/S3/mapping").session(admin).with(csrf()).param("annex", "A.7.2, A.9.1")
				.param("articles", "GDPR Art. 32")).andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"A.7.2, A.9.1\"")))
				.andExpect(content().string(containsString("Name controls of ISO/IEC 27001:2022 Annex A")));
		mvc.perform(post("/compliance/clauses/S3/mapping").session(admin).with(csrf()).param("annex", "A.7.2")
				.param("articles", "Article 32 GDPR")).andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"Article 32 GDPR\"")))
				.andExpect(content().string(containsString("Write each article as GDPR Art. 32")));
		assertThat(mappings.of("S3")).isEqualTo(before);
	}
}
