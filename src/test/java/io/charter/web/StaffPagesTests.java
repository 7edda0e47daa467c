package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.shared.Role;

/** The staff console names things as people do: roles as words in the user's language. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class StaffPagesTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;

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

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}
}
