package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import io.charter.notify.OneTimeLink;
import io.charter.shared.Role;

/**
 * Without SMTP (as here, the context of the other tests without a mail server) letters are held in
 * the outbox: staff are told so, never that a letter was sent, and PRIVACY users read the letters of
 * a request on its page, without the outbox.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class HeldLettersTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSeeHeldLettersAsHeldAndPrivacyReadsThemWithoutTheOutbox() throws Exception {
		MockHttpSession officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		assertThat(page(officer, "/rights")).contains("id=\"mail-off\"", "Mail is not configured");

		String email = Fixtures.uniqueEmail("held");
		mvc.perform(post("/rights/requests").session(officer).with(csrf()).param("type", "RECTIFICATION")
				.param("channel", "EMAIL").param("name", "Hilde Held").param("email", email).param("language", "en"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "rights.registered"));
		UUID id = jdbc.sql("select id from rights_request where email = :e").param("e", email).query(UUID.class).single();
		String path = "/rights/requests/" + id;
		mvc.perform(post(path + "/verify").session(officer).with(csrf()).param("text", "phone call back"))
				.andExpect(flash().attribute("notice", "rights.done.verify"));
		assertThat(page(officer, path)).as("the answer box names the letter's language")
				.contains("The letter goes out in English, the request’s language.");
		mvc.perform(post(path + "/complete").session(officer).with(csrf()).param("text", "Your address was corrected."))
				.andExpect(flash().attribute("notice", "rights.held.complete"));

		String page = page(officer, path);
		assertThat(page).contains("answer held: mail is not configured (rights-completed, en)")
				.doesNotContain("answer sent", "Answer sent");
		// Both letters, held, with the text the requester would receive and the links masked.
		assertThat(page.split("data-state=\"HELD\"", -1)).hasSize(3);
		assertThat(page).contains("held: mail is not configured", "Hello Hilde Held", "Your address was corrected.",
				"/privacy/requests/withdraw/" + OneTimeLink.MASK);
		mvc.perform(get("/admin/outbox").session(officer)).andExpect(status().isForbidden());
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}
}
