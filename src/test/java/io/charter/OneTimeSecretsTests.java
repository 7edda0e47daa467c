package io.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.notify.OneTimeLink;
import io.charter.rights.NewRequest;
import io.charter.rights.RequestType;
import io.charter.rights.intake.RequestIntake;
import io.charter.shared.Role;

/**
 * One-time links (invitations, requesters' confirmation and withdrawal links) reach their addressee
 * only. Without SMTP (as here) messages are held in the outbox, which auditors may read: they see
 * where the links were, masked, and what became of them, never a link that works.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class OneTimeSecretsTests {

	private static final Pattern SECRET = Pattern.compile("/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	IdentityManagement identity;
	@Autowired
	RequestIntake intake;
	@Autowired
	JdbcClient jdbc;

	@Test
	void anAuditorReadsNoLiveOneTimeLinkAnywhere(CapturedOutput output) throws Exception {
		// An administrator invites a new administrator; the link is shown to them once.
		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(post("/admin/users").session(admin).with(csrf()).param("email", Fixtures.uniqueEmail("new-admin"))
				.param("displayName", "Nadia Newadmin").param("roles", "ADMIN").param("language", "en"))
				.andExpect(redirectedUrl("/admin/users"));
		String invitation = Fixtures.secretIn(mvc.perform(get("/admin/users").session(admin)).andReturn().getResponse()
				.getContentAsString());
		// A requester files a request: their letter holds a confirmation and a withdrawal link.
		String requester = Fixtures.uniqueEmail("requester");
		intake.submit(new NewRequest(RequestType.ACCESS, "Rémi Requester", requester, "fr", null, null));
		List<String> secrets = new ArrayList<>(List.of(invitation));
		secrets.addAll(secretsIn(toBeSent(requester)));
		assertThat(secrets).as("the invitation, confirmation and withdrawal secrets").hasSize(3);
		UUID request = jdbc.sql("select id from rights_request where email = :e").param("e", requester)
				.query(UUID.class).single();

		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		for (String path : List.of("/admin/outbox", "/admin/users", "/audit", "/rights", "/rights/requests/" + request,
				"/api/v1/audit", "/api/v1/rights/requests", "/api/v1/rights/requests/" + request)) {
			String page = mvc.perform(get(path).session(auditor)).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString();
			assertThat(page).as(path).doesNotContain(secrets);
		}
		assertThat(output.getAll()).as("the log").doesNotContain(secrets);

		// The outbox says where the links were, and that they still work for their addressee.
		String outbox = mvc.perform(get("/admin/outbox").session(auditor)).andReturn().getResponse().getContentAsString();
		assertThat(outbox).contains("/invitation/" + OneTimeLink.MASK, "/privacy/requests/verify/" + OneTimeLink.MASK,
				"/privacy/requests/withdraw/" + OneTimeLink.MASK + "?lang=fr", "not used yet");
	}

	@Test
	void theOutboxMarksUsedAndExpiredLinks() throws Exception {
		String used = Fixtures.uniqueEmail("used");
		identity.acceptInvitation(Fixtures.secretOf(identity.invite(used, "Ulla Used", java.util.Set.of(Role.EMPLOYEE), "en")),
				Fixtures.PASSWORD);
		String expired = Fixtures.uniqueEmail("expired");
		UserSummary late = identity.invite(expired, "Evi Expired", java.util.Set.of(Role.EMPLOYEE), "en").user();
		jdbc.sql("update one_time_link set expires_at = :past where subject_id = :id")
				.param("past", java.time.OffsetDateTime.now().minusMinutes(1)).param("id", late.id()).update();
		String requester = Fixtures.uniqueEmail("confirms");
		intake.submit(new NewRequest(RequestType.ACCESS, "Carl Confirms", requester, "en", null, null));
		Matcher link = Pattern.compile("/privacy/requests/verify/([A-Za-z0-9_-]{43})").matcher(toBeSent(requester));
		assertThat(link.find()).isTrue();
		String verify = link.group(1);
		assertThat(intake.confirm(verify)).isPresent();

		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		String outbox = mvc.perform(get("/admin/outbox").session(auditor)).andReturn().getResponse().getContentAsString();
		assertThat(linkStates(outbox, used, "/invitation/")).containsExactly("used or replaced");
		assertThat(linkStates(outbox, expired, "/invitation/")).containsExactly("expired");
		assertThat(linkStates(outbox, requester, "/privacy/requests/verify/")).containsExactly("used or replaced");
		assertThat(linkStates(outbox, requester, "/privacy/requests/withdraw/")).containsExactly("not used yet",
				"not used yet");
	}

	/** The text the outbox will send an address (the test reads the database; no page shows it). */
	String toBeSent(String recipient) {
		return jdbc.sql("select body_to_send from outbox_message where recipient = :to order by created_at")
				.param("to", recipient).query(String.class).list().get(0);
	}

	static List<String> secretsIn(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = SECRET.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	/** The states the outbox page gives the links of one kind in the messages to a recipient. */
	static List<String> linkStates(String page, String recipient, String path) {
		Pattern link = Pattern.compile("<li><code>[^<]*" + Pattern.quote(path) + "[^<]*</code> · <span class=\"link-state\">([^<]+)</span>");
		List<String> states = new ArrayList<>();
		Arrays.stream(page.split("<article")).filter(a -> a.contains(recipient)).forEach(article -> {
			Matcher m = link.matcher(article);
			while (m.find()) {
				states.add(m.group(1));
			}
		});
		return states;
	}
}
