package io.charter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.Fixtures;
import io.charter.identity.IdentityManagement;
import io.charter.platform.LinkState;
import io.charter.shared.Role;

/** E-mail through a real SMTP server (GreenMail). */
class NotifyIntegrationTests extends NotifyTestBase {

	@Autowired
	IdentityManagement identity;
	@Autowired
	Notifications notifications;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate tx;
	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	OutboxDispatcher dispatcher;

	MimeMessage[] to(String address) {
		return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception e) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	@Test
	void sendsTheInvitationInTheInviteesLanguageRightAfterCommit() throws Exception {
		String email = Fixtures.uniqueEmail("fr");
		identity.invite(email, "Françoise", java.util.Set.of(Role.EMPLOYEE), "fr");
		await().atMost(Duration.ofSeconds(10)).until(() -> to(email).length == 1);
		MimeMessage message = to(email)[0];
		assertThat(message.getSubject()).isEqualTo("Votre compte Charter");
		assertThat(message.getFrom()[0].toString()).isEqualTo(FROM);
		assertThat(GreenMailUtil.getBody(message)).contains("Bonjour Fran", "/invitation/");
		await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(jdbc
				.sql("select status from outbox_message where recipient = :to").param("to", email).query(String.class).single()));
	}

	@Test
	void aSentMessageKeepsItsOneTimeLinkOnlyMaskedAndHashed() throws Exception {
		String email = Fixtures.uniqueEmail("sent-link");
		String secret = Fixtures.secretOf(identity.invite(email, "Sam Sent", java.util.Set.of(Role.EMPLOYEE), "en"));
		// The dispatch right after the commit is skipped while another test's still holds the lock: dispatch while waiting.
		await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (to(email).length == 1) {
				return true;
			}
			dispatcher.dispatch();
			return false;
		});
		assertThat(to(email)[0].getContent().toString()).as("what the invitee receives").contains("/invitation/" + secret);
		await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(jdbc
				.sql("select status from outbox_message where recipient = :to").param("to", email).query(String.class).single()));

		var stored = jdbc.sql("select body, body_to_send from outbox_message where recipient = :to").param("to", email)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		assertThat(stored[0]).contains("/invitation/" + OneTimeLink.MASK).doesNotContain(secret);
		assertThat(stored[1]).as("the whole text, once sent").isNull();
		assertThat(jdbc.sql("select l.secret_hash from outbox_link l join outbox_message m on m.id = l.message_id where m.recipient = :to")
				.param("to", email).query(String.class).single()).isEqualTo(OneTimeLink.sha256(secret));
	}

	@Test
	void sendsAnAttachmentAsAPartOfAMultipartMessage() throws Exception {
		String email = Fixtures.uniqueEmail("attached");
		byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		tx.executeWithoutResult(status -> notifications.send(new Mail(email, "invitation", "en",
				java.util.Map.of("name", "Ada", "link", "l", "days", "7"))
				.with(new Mail.Attachment("training.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics))));
		await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (to(email).length == 1) {
				return true;
			}
			dispatcher.dispatch();
			return false;
		});
		var multipart = (jakarta.mail.internet.MimeMultipart) to(email)[0].getContent();
		jakarta.mail.BodyPart attachment = null;
		for (int i = 0; i < multipart.getCount(); i++) {
			if ("training.ics".equals(multipart.getBodyPart(i).getFileName())) {
				attachment = multipart.getBodyPart(i);
			}
		}
		assertThat(attachment).as("the attachment part").isNotNull();
		assertThat(attachment.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
		assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(ics);
		assertThat(jdbc.sql("select count(*) from outbox_attachment a join outbox_message m on m.id = a.message_id"
				+ " where m.recipient = :to").param("to", email).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void sendsNothingWhenTheChangeRollsBack() {
		String email = Fixtures.uniqueEmail("rollback");
		try {
			tx.executeWithoutResult(status -> {
				notifications.send(new Mail(email, "invitation", "en", Map.of("name", "N", "link", "l", "days", "7")));
				throw new IllegalStateException("the change fails");
			});
		}
		catch (IllegalStateException expected) {
			// the caller's transaction failed, so must the message
		}
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :to").param("to", email)
				.query(Long.class).single()).isZero();
		assertThat(to(email)).isEmpty();
	}

	@Test
	void administratorsReadTheOutboxOthersDoNot() throws Exception {
		String email = Fixtures.uniqueEmail("outbox");
		identity.invite(email, "Olga Outbox", java.util.Set.of(Role.EMPLOYEE), "en");
		MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user(Fixtures.ADMIN_EMAIL)
				.password(Fixtures.ADMIN_PASSWORD)).andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
		mvc.perform(get("/admin/outbox").session(admin)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(email)))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("SMTP is configured")));
		MockHttpSession employee = (MockHttpSession) mvc.perform(formLogin("/login")
				.user(fixtures.user(Role.EMPLOYEE).email()).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"))
				.andReturn().getRequest().getSession(false);
		mvc.perform(get("/admin/outbox").session(employee)).andExpect(status().isForbidden());
	}
}
