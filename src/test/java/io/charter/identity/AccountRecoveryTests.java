package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.charter.Fixtures;
import io.charter.Mailbox;
import io.charter.platform.OneTimeLinks;
import io.charter.shared.Role;

/** "Forgot password" and the administrator's reset, through a real SMTP server (GreenMail). */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class AccountRecoveryTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	static {
		SMTP.start();
	}
	static final Pattern RESET_LINK = Pattern
			.compile("https://charter\\.example/password/reset/([A-Za-z0-9_-]{43})\\?lang=(en|fr|nl)");
	static final AtomicInteger SOURCES = new AtomicInteger();
	static final java.util.Set<String> RESET_SUBJECTS = java.util.Set.of("Reset your Charter password",
			"Réinitialiser votre mot de passe Charter", "Uw Charter-wachtwoord opnieuw instellen");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("charter.base-url", () -> "https://charter.example");
		registry.add("spring.datasource.hikari.minimum-idle", () -> 2);
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	OneTimeLinks links;
	@Autowired
	IdentityManagement identity;
	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void answersTheSameWhetherTheAccountExistsOrNot() throws Exception {
		var known = fixtures.user(Role.EMPLOYEE);
		String unknown = Fixtures.uniqueEmail("nobody");
		RequestPostProcessor source = newSource();
		String[] pages = new String[2];
		long[] millis = new long[2];
		String[] addresses = { known.email(), unknown };
		for (int i = 0; i < 2; i++) {
			long start = System.nanoTime();
			mvc.perform(post("/password/forgot").with(csrf()).with(source).param("email", addresses[i]))
					.andExpect(redirectedUrl("/password/forgot?sent"));
			millis[i] = (System.nanoTime() - start) / 1_000_000;
			pages[i] = mvc.perform(get("/password/forgot").param("sent", "")).andExpect(status().isOk()).andReturn()
					.getResponse().getContentAsString();
		}
		assertThat(pages[0]).isEqualTo(pages[1]).contains("If an active account with a password has this address");
		// The same order of magnitude: neither answer waits for the mail server.
		assertThat(Math.abs(millis[0] - millis[1])).isLessThan(1000);

		MimeMessage mail = awaitMail(known.email());
		assertThat(mail.getSubject()).isEqualTo("Reset your Charter password");
		assertThat(mailsTo(unknown)).isEmpty();
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :to").param("to", unknown)
				.query(Long.class).single()).isZero();
	}

	@Test
	void aResetLinkSetsANewPasswordOnceAndEndsTheUsersSessions() throws Exception {
		var user = fixtures.user(Fixtures.uniqueEmail("forgetful"), "fr", Role.EMPLOYEE);
		MockHttpSession before = Fixtures.signIn(mvc, user.email(), Fixtures.PASSWORD);
		mvc.perform(post("/password/forgot").with(csrf()).with(newSource()).param("email", user.email().toUpperCase()))
				.andExpect(redirectedUrl("/password/forgot?sent"));
		MimeMessage mail = awaitMail(user.email());
		assertThat(mail.getSubject()).isEqualTo("Réinitialiser votre mot de passe Charter");
		Matcher link = RESET_LINK.matcher(bodyOf(mail));
		assertThat(link.find()).isTrue();
		assertThat(link.group(2)).isEqualTo("fr");
		String secret = link.group(1);

		mvc.perform(get("/password/reset/" + secret)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(user.email())));
		// A weak password is refused with its reason, and the link stays usable.
		mvc.perform(post("/password/reset/" + secret).with(csrf()).param("password", "Password1234")
				.param("confirm", "Password1234")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("one of the most common ones")));
		mvc.perform(post("/password/reset/" + secret).with(csrf()).param("password", "copper-orchard-lighthouse")
				.param("confirm", "copper-orchard-lighthouse")).andExpect(redirectedUrl("/login?created"));

		mvc.perform(get("/profile").session(before)).andExpect(redirectedUrl("/login"));
		Fixtures.signIn(mvc, user.email(), "copper-orchard-lighthouse");
		mvc.perform(formLogin("/login").user(user.email()).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/login?error"));

		// Once only.
		mvc.perform(post("/password/reset/" + secret).with(csrf()).param("password", "another-orchard-tugboat")
				.param("confirm", "another-orchard-tugboat")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("invalid, already used or expired")));
		mvc.perform(formLogin("/login").user(user.email()).password("another-orchard-tugboat"))
				.andExpect(redirectedUrl("/login?error"));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from audit_entry where entity_id = :id
				and (action = 'user.password-reset-sent' or summary = 'password reset through a one-time link')""")
				.param("id", user.id().toString()).query(Long.class).single() == 2);
	}

	@Test
	void refusesAnExpiredResetLink() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		String secret = links.issue(UserLinkStates.RESET, user.id(), Duration.ofSeconds(-1));
		mvc.perform(get("/password/reset/" + secret)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("invalid, already used or expired")));
		mvc.perform(post("/password/reset/" + secret).with(csrf()).param("password", "copper-orchard-lighthouse")
				.param("confirm", "copper-orchard-lighthouse")).andExpect(status().isOk());
		Fixtures.signIn(mvc, user.email(), Fixtures.PASSWORD);

		// A link sent before its account was deactivated stops working.
		var leaver = fixtures.user(Role.EMPLOYEE);
		String sent = links.issue(UserLinkStates.RESET, leaver.id(), Duration.ofHours(1));
		identity.setActive(leaver.id(), false);
		mvc.perform(get("/password/reset/" + sent))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("invalid, already used or expired")));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.resetPassword(sent, "copper-orchard-lighthouse"))
				.isInstanceOf(InvalidUserChange.class);
	}

	@Test
	void noLinkForADeactivatedOrInvitedAccountAndAnInvitationLinkIsNoResetLink() throws Exception {
		var leaver = fixtures.user(Role.EMPLOYEE);
		identity.setActive(leaver.id(), false);
		String invited = Fixtures.uniqueEmail("invited");
		String invitation = Fixtures.secretOf(identity.invite(invited, "Ivo", java.util.Set.of(Role.EMPLOYEE), "en"));
		RequestPostProcessor source = newSource();
		for (String email : List.of(leaver.email(), invited)) {
			mvc.perform(post("/password/forgot").with(csrf()).with(source).param("email", email))
					.andExpect(redirectedUrl("/password/forgot?sent"));
		}
		assertThat(jdbc.sql("select count(*) from one_time_link where purpose = 'identity.reset' and subject_id in (:ids)")
				.param("ids", List.of(leaver.id(), identity.users().stream().filter(u -> u.email().equals(invited))
						.findFirst().orElseThrow().id()))
				.query(Long.class).single()).isZero();
		mvc.perform(get("/password/reset/" + invitation)).andExpect(
				content().string(org.hamcrest.Matchers.containsString("invalid, already used or expired")));
	}

	@Test
	void aClientThatAsksTooOftenIsToldToWaitWhateverTheAddress() throws Exception {
		RequestPostProcessor source = newSource();
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/password/forgot").with(csrf()).with(source).param("email", Fixtures.uniqueEmail("probe")))
					.andExpect(redirectedUrl("/password/forgot?sent"));
		}
		var user = fixtures.user(Role.EMPLOYEE);
		mvc.perform(post("/password/forgot").with(csrf()).with(source).param("email", user.email()))
				.andExpect(status().isTooManyRequests())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Too many reset requests")));
		assertThat(links.issued(UserLinkStates.RESET, user.id())).isFalse();
		// Another client is not affected.
		mvc.perform(post("/password/forgot").with(csrf()).with(newSource()).param("email", user.email()))
				.andExpect(redirectedUrl("/password/forgot?sent"));
		assertThat(links.issued(UserLinkStates.RESET, user.id())).isTrue();
	}

	@Test
	void anAdministratorSendsAResetLinkByMail() throws Exception {
		var user = fixtures.user(Role.PRIVACY);
		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(post("/admin/users/" + user.id() + "/password-reset").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/admin/users"));
		mvc.perform(get("/admin/users").session(admin))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Password reset link sent.")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/password/reset/"))));
		Matcher link = RESET_LINK.matcher(bodyOf(awaitMail(user.email())));
		assertThat(link.find()).isTrue();
		identity.resetPassword(link.group(1), "copper-orchard-lighthouse");
		Fixtures.signIn(mvc, user.email(), "copper-orchard-lighthouse");
	}

	static RequestPostProcessor newSource() {
		int n = SOURCES.incrementAndGet();
		return request -> {
			request.setRemoteAddr("10.88." + (n / 250) + "." + (n % 250 + 1));
			return request;
		};
	}

	static List<MimeMessage> mailsTo(String address) {
		return Mailbox.to(SMTP, address);
	}

	/**
	 * The one reset message to an address, once it arrived (the invitation that made the user is
	 * left aside). A dispatch right after a commit is skipped while another holds the outbox lock, so
	 * the test dispatches the outbox itself while it waits, as its timer would.
	 */
	MimeMessage awaitMail(String to) {
		await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!resetMailsTo(to).isEmpty()) {
				return true;
			}
			Object dispatcher = context.getBean("outboxDispatcher");
			java.lang.reflect.Method dispatch = dispatcher.getClass().getMethod("dispatch");
			dispatch.setAccessible(true);
			dispatch.invoke(dispatcher);
			return false;
		});
		List<MimeMessage> found = resetMailsTo(to);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	static List<MimeMessage> resetMailsTo(String to) {
		return mailsTo(to).stream().filter(m -> {
			try {
				return RESET_SUBJECTS.contains(m.getSubject());
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	static String bodyOf(MimeMessage m) throws Exception {
		return m.getContent().toString().replace("\r\n", "\n");
	}
}
