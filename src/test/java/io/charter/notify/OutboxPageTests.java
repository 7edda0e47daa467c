package io.charter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.Fixtures;
import io.charter.shared.Role;

/** The outbox page: search by recipient or subject, filters by status and kind, links to follow. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class OutboxPageTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	Notifications notifications;
	@Autowired
	TransactionTemplate tx;

	@Test
	void searchByRecipientAndFiltersNarrowTheList() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String invited = "invited-" + run + "@example.test";
		String resetting = "resetting-" + run + "@example.test";
		send(new Mail(invited, "invitation", "en", Map.of("name", "Ines", "link", "https://charter.example/help", "days", "7")));
		send(new Mail(resetting, "password-reset", "en",
				Map.of("name", "Rob", "link", "https://charter.example/help", "minutes", "30")));
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);

		assertThat(page(auditor, "/admin/outbox?lang=en&q=" + invited.toUpperCase())).contains(invited).doesNotContain(resetting);
		assertThat(page(auditor, "/admin/outbox?lang=en&q=" + run)).contains(invited, resetting);
		assertThat(page(auditor, "/admin/outbox?lang=en&q=" + run + "&template=password-reset"))
				.contains(resetting).doesNotContain(invited)
				.contains("<option value=\"password-reset\" selected>Password reset</option>");
		// No SMTP in this context: both are held, none sent.
		assertThat(page(auditor, "/admin/outbox?lang=en&q=" + run + "&status=SENT")).doesNotContain(invited, resetting)
				.contains("No message matches.");
		assertThat(page(auditor, "/admin/outbox?lang=en&q=" + run + "&status=held")).contains(invited, resetting);
		// A search by subject.
		assertThat(mvc.perform(get("/admin/outbox").session(auditor).param("q", "RESET your charter"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains(resetting).doesNotContain(invited);
	}

	@Test
	void ordinaryLinksCanBeFollowedOneTimeLinksStayMaskedText() throws Exception {
		String email = Fixtures.uniqueEmail("links");
		String secret = "s".repeat(43);
		send(new Mail(email, "invitation", "en", Map.of("name", "Lou", "days", "7"),
				Map.of("link", new OneTimeLink("https://charter.example/invitation/" + secret, secret))));
		send(new Mail(email, "password-reset", "en",
				Map.of("name", "Lou", "link", "https://charter.example/help.", "minutes", "30")));
		MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);

		String outbox = page(admin, "/admin/outbox?lang=en&q=" + email);
		assertThat(outbox).contains("<a href=\"https://charter.example/help\" rel=\"noopener noreferrer\">https://charter.example/help</a>.")
				.contains("https://charter.example/invitation/" + OneTimeLink.MASK)
				.doesNotContain("href=\"https://charter.example/invitation/", secret);
	}

	private void send(Mail mail) {
		tx.executeWithoutResult(status -> notifications.send(mail));
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return Fixtures.page(mvc, session, path);
	}
}
