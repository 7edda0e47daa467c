package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import io.charter.shared.Confirmed;
import io.charter.shared.Role;
import io.charter.shared.RuleViolation;

/**
 * The shipped clauses, a clause added, reworded and retired in versions with their events, and
 * AUDITOR reading the table without being able to change anything.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ComplianceIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	Clauses clauses;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationEvents events;

	/** A clause id no other test took, so the tests share the database without meeting. */
	private String freeId() {
		return IntStream.range(10, 100).mapToObj(n -> "Q" + n).filter(id -> !clauses.exists(id)).findFirst()
				.orElseThrow();
	}

	@Test
	void theSeedShipsS1ToS8AndC1ToC7InItsOwnWords() {
		List<Clause> shipped = clauses.all(true).stream().filter(c -> c.id().matches("[SC][0-9]")).toList();
		assertThat(shipped).extracting(Clause::id).containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8",
				"C1", "C2", "C3", "C4", "C5", "C6", "C7");
		assertThat(shipped.get(0).wording()).isEqualTo("All employees and contractors must attend the WeGroup "
				+ "security training program, offered at least twice annually, to inform all users of the requirements of this Policy.");
		assertThat(shipped.get(0).controls()).containsExactlyInAnyOrder("training-sessions-scheduled", "training-12-months");
		assertThat(clauses.find("C7").orElseThrow().wording()).endsWith("le droit de retirer votre consentement.");
		// S8 in full (V2026_12_09_1310): "not exhaustive" and the list, as a second version of the clause.
		assertThat(clauses.find("S8").orElseThrow().wording()).contains("The list below is by no means exhaustive",
				"- Revealing your account password to others").endsWith("(e.g. mobile Work Profiles).");
		assertThat(clauses.find("C6").orElseThrow().wording())
				.startsWith("Nous pouvons modifier cette Déclaration relative aux cookies à tout moment.");
	}

	@Test
	void securityAddsRewordsAndRetiresAClauseEachChangeAVersionWithItsEvent() throws Exception {
		String id = freeId();
		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(post("/compliance/clauses").session(security).with(csrf()).param("id", id)
				.param("document", "work-behaviors").param("title", "Badges").param("wording", "Wear your badge.")
				.param("controls", "badge-worn")).andExpect(redirectedUrl("/compliance/clauses/" + id));
		mvc.perform(post("/compliance/clauses/" + id).session(security).with(csrf()).param("version", "1")
				.param("document", "work-behaviors").param("title", "Badges")
				.param("wording", "Wear your badge visibly.").param("controls", "badge-worn, badge-issued"))
				.andExpect(redirectedUrl("/compliance/clauses/" + id));
		// A form read before that change is refused rather than written over it, its words kept.
		mvc.perform(post("/compliance/clauses/" + id).session(security).with(csrf()).param("version", "1")
				.param("document", "work-behaviors").param("title", "Badges").param("wording", "Stale words.")
				.param("controls", "")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Stale words.")))
				.andExpect(content().string(containsString("The clause was changed meanwhile")));

		List<ClauseVersion> versions = clauses.versions(id);
		assertThat(versions).extracting(ClauseVersion::version).containsExactly(2, 1);
		assertThat(versions.get(1).wording()).isEqualTo("Wear your badge.");
		assertThat(versions.get(1).controls()).containsExactly("badge-worn");
		assertThat(clauses.find(id).orElseThrow().controls()).containsExactlyInAnyOrder("badge-worn", "badge-issued");
		assertThat(events.stream(ComplianceEvent.ClauseAdded.class).filter(e -> e.clauseId().equals(id))).hasSize(1);
		assertThat(events.stream(ComplianceEvent.ClauseReworded.class).filter(e -> e.clauseId().equals(id)))
				.singleElement().extracting(ComplianceEvent::version).isEqualTo(2);

		// Retiring asks first; confirmed, the clause leaves the table and keeps its versions.
		mvc.perform(post("/compliance/clauses/" + id + "/retire").session(security).with(csrf()).param("version", "2"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Retire clause " + id)));
		assertThat(clauses.find(id).orElseThrow().retired()).isFalse();
		mvc.perform(post("/compliance/clauses/" + id + "/retire").session(security).with(csrf()).param("version", "2")
				.param(Confirmed.FIELD, Confirmed.VALUE)).andExpect(redirectedUrl("/compliance"));
		assertThat(clauses.find(id).orElseThrow().retired()).isTrue();
		assertThat(clauses.all(false)).extracting(Clause::id).doesNotContain(id);
		assertThat(clauses.versions(id)).extracting(ClauseVersion::change).containsExactly(ClauseVersion.Change.RETIRED,
				ClauseVersion.Change.REWORDED, ClauseVersion.Change.ADDED);
		assertThat(events.stream(ComplianceEvent.ClauseRetired.class).filter(e -> e.clauseId().equals(id))).hasSize(1);
	}

	@Test
	void auditorReadsTheTableButCannotChangeAnything() throws Exception {
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/compliance").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"clause-S1\"")))
				.andExpect(content().string(containsString("id=\"clause-C7\"")))
				.andExpect(content().string(containsString("Not measured")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/compliance/clauses/new"))));
		mvc.perform(get("/compliance/clauses/S4").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<form method=\"post\" action=\"/compliance"))));

		mvc.perform(get("/compliance/policy/work-behaviors").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/compliance#clause-S1\"")))
				.andExpect(content().string(containsString("id=\"clause-S8\"")));
		mvc.perform(get("/compliance/policy/cookie-policy").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"clause-C7\"")))
				.andExpect(content().string(containsString("le droit de retirer votre consentement")));

		int before = jdbc.sql("select count(*) from compliance_clause_version").query(Integer.class).single();
		mvc.perform(post("/compliance/clauses").session(auditor).with(csrf()).param("id", freeId())
				.param("document", "work-behaviors").param("title", "T").param("wording", "W"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/compliance/clauses/S4").session(auditor).with(csrf()).param("version", "1")
				.param("title", "T").param("wording", "W")).andExpect(status().isForbidden());
		mvc.perform(post("/compliance/clauses/S4/retire").session(auditor).with(csrf()).param("version", "1")
				.param(Confirmed.FIELD, Confirmed.VALUE)).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from compliance_clause_version").query(Integer.class).single())
				.isEqualTo(before);
	}

	@Autowired
	ClauseSteps steps;
	@Autowired
	List<io.charter.shared.control.ControlReport> reports;

	@Test
	void theModulesThatExistAnswerEveryShippedMappingButTheDevicesOne() {
		java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 8);
		List<String> reported = reports.stream().flatMap(r -> r.controls(today).stream())
				.map(io.charter.shared.control.Control::id).toList();
		List<String> mapped = jdbc.sql("select distinct control_id from compliance_clause_control where version = 1 "
				+ "and clause_id in ('S1','S2','S3','S4','S5','S6','S7','S8','C1','C2','C3','C4','C5','C6','C7')")
				.query(String.class).list();
		assertThat(mapped).filteredOn(id -> !id.startsWith("device-")).isNotEmpty().allMatch(reported::contains);
	}

	@Test
	void aClauseIdOrControlIdOfTheWrongShapeIsRefused() {
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				new org.springframework.security.authentication.TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
		try {
			assertThatThrownBy(() -> steps.add("s1", "work-behaviors", "T", "W", List.of()))
					.isExactlyInstanceOf(RuleViolation.class).hasMessage("compliance.error.id");
			assertThatThrownBy(() -> steps.add(freeId(), "work-behaviors", "T", "W", List.of("Not An Id")))
					.isExactlyInstanceOf(RuleViolation.class).hasMessage("compliance.error.control");
			assertThatThrownBy(() -> steps.add("S1", "work-behaviors", "T", "W", List.of()))
					.isExactlyInstanceOf(RuleViolation.class).hasMessage("compliance.error.taken");
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}
}
