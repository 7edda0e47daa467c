package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.identity.UserSummary;
import io.charter.shared.Role;

/**
 * The staff console names things as people do: roles as words in the user's language, actors by
 * name and actions as words in the audit trail, entries linked to what they are about.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class StaffPagesTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;

	@Test
	void rolesReadAsWordsInTheUsersLanguage() throws Exception {
		var both = fixtures.user(Role.PRIVACY, Role.AUDITOR);
		MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);

		assertThat(page(admin, "/admin/users?lang=fr")).contains("> Administrateur</label>", "> Équipe vie privée</label>")
				.doesNotContain("> ADMIN</label>");

		// An auditor reads the roles rather than ticking them.
		MockHttpSession self = Fixtures.signIn(mvc, both.email(), Fixtures.PASSWORD);
		assertThat(page(self, "/admin/users?lang=fr")).contains("Équipe vie privée, Auditeur")
				.doesNotContain("PRIVACY AUDITOR");
		assertThat(page(self, "/profile?lang=fr")).contains("<dd>Équipe vie privée, Auditeur</dd>");
		assertThat(page(self, "/profile?lang=nl")).contains("<dd>Privacyteam, Auditor</dd>");
	}

	@Test
	void theAuditTrailNamesActorsWordsActionsAndLinksEntriesToTheirPage() throws Exception {
		UserSummary administrator = fixtures.user(Role.ADMIN);
		UserSummary leaver = fixtures.user(Role.EMPLOYEE);
		MockHttpSession admin = Fixtures.signIn(mvc, administrator.email(), Fixtures.PASSWORD);
		mvc.perform(post("/admin/users/" + leaver.id() + "/deactivate").session(admin).with(csrf()).param("confirmed", "yes"))
				.andExpect(status().is3xxRedirection());

		String path = "/audit?entityId=" + leaver.id() + "&action=user.deactivated&lang=";
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(page(admin, path + "en"))
				.contains("<span title=\"" + administrator.actorId() + "\">" + administrator.displayName() + " ("
						+ administrator.email() + ")</span>")
				.contains("<span title=\"user.deactivated\">Account deactivated</span>")
				.contains("<a href=\"/admin/users#user-" + leaver.id() + "\">"));
		assertThat(page(admin, path + "fr")).contains(">Compte désactivé</span>");

		// The trail itself keeps the pseudonymous id.
		assertThat(jdbc.sql("select actor from audit_entry where entity_id = :id and action = 'user.deactivated'")
				.param("id", leaver.id().toString()).query(String.class).single()).isEqualTo(administrator.actorId());

		// A request's entries lead to the request.
		MockHttpSession officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String email = Fixtures.uniqueEmail("linked");
		mvc.perform(post("/rights/requests").session(officer).with(csrf()).param("type", "ACCESS")
				.param("channel", "EMAIL").param("name", "Lina Linked").param("email", email).param("language", "en"))
				.andExpect(status().is3xxRedirection());
		UUID request = jdbc.sql("select id from rights_request where email = :e").param("e", email).query(UUID.class).single();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(page(admin, "/audit?lang=en&entityId=" + request))
				.contains("<a href=\"/rights/requests/" + request + "\">")
				.contains("Request received"));
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}
}
