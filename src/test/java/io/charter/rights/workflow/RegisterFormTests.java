package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.shared.Role;

/**
 * Staff register a request that came by e-mail or post: the form names the requester's fields as the
 * requester's, starts on e-mail, and on any error keeps what was typed and shows every error at once
 * next to its field, a malformed date included.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class RegisterFormTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;

	MockHttpSession officer() throws Exception {
		return Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
	}

	@Test
	void theFormNamesTheRequestersFieldsAndStartsOnEmail() throws Exception {
		String page = Fixtures.page(mvc, officer(), "/rights");
		assertThat(page).contains("<label for=\"reg-name\">Requester’s name</label>",
				"<label for=\"reg-email\">Requester’s e-mail address</label>", "<option value=\"EMAIL\" selected>")
				.doesNotContain("Your name", "<option value=\"FORM\" selected>");
	}

	@Test
	void everyErrorIsShownAtOnceAndEveryTypedValueKept() throws Exception {
		String email = "not-an-address-" + System.nanoTime();
		String page = mvc.perform(post("/rights/requests").session(officer()).with(csrf()).param("type", "ERASURE")
				.param("channel", "POST").param("receivedOn", "7/12/2026").param("answerBy", "2001-01-01")
				.param("name", " ").param("email", email).param("language", "nl").param("details", "Erase me & mine"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("<details class=\"card\" open>",
				"id=\"reg-received-error\">Enter a date as year, month and day, for example 2026-12-07.",
				"id=\"reg-answer-by-error\">The date by which the late request will be answered cannot be in the past.",
				"id=\"reg-name-error\">Enter the requester’s name, in at most 200 characters.",
				"id=\"reg-email-error\">Enter the requester’s e-mail address, such as name@example.com.",
				"value=\"7/12/2026\"", "value=\"2001-01-01\"", "value=\"" + email + "\"",
				"<option value=\"ERASURE\" selected>", "<option value=\"POST\" selected>", "<option value=\"nl\" selected>",
				"Erase me &amp; mine</textarea>", "aria-describedby=\"reg-received-error\"")
				.doesNotContain("reg-type-error", "reg-channel-error");
		assertThat(jdbc.sql("select count(*) from rights_request where email = :e").param("e", email).query(Long.class)
				.single()).isZero();
	}
}
