package io.charter.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.charter.Fixtures;

/**
 * One application context for the rights tests: a real SMTP server (GreenMail), a clock the tests
 * move, and a test module that holds personal data. Tests share the database with every other
 * test, so they look only at their own requests, addresses and messages; and they move the clock
 * into the past only, so that nothing they record (job runs, messages) looks newer than another
 * test's "now".
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@Import(RightsTestSetup.class)
public abstract class RightsTestBase {

	protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	static {
		SMTP.start();
	}
	/** A connected system for erasure requests. */
	protected static final WebhookReceiver CRM = WebhookReceiver.start();
	protected static final String CRM_SECRET = "crm-shared-secret-for-the-tests-0123456789";
	private static final AtomicInteger ADDRESSES = new AtomicInteger();
	private static final Pattern LINK = Pattern.compile(
			"https://charter\\.example(/privacy/requests/withdraw/([A-Za-z0-9_-]{43})\\?lang=(en|fr|nl))");
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("charter.base-url", () -> "https://charter.example");
		// Other test classes keep their contexts (and connections) open on the same database.
		registry.add("spring.datasource.hikari.minimum-idle", () -> 2);
		registry.add("charter.rights.webhooks.systems[0].name", () -> "crm");
		registry.add("charter.rights.webhooks.systems[0].url", CRM::url);
		registry.add("charter.rights.webhooks.systems[0].secret", () -> CRM_SECRET);
		registry.add("charter.rights.webhooks.systems[0].types", () -> "ERASURE");
		registry.add("charter.rights.webhooks.max-attempts", () -> 3);
	}

	@Autowired
	protected MockMvc mvc;
	@Autowired
	protected Fixtures fixtures;
	@Autowired
	protected JdbcClient jdbc;
	@Autowired
	protected TestDataHolder holder;
	@Autowired
	protected Deadlines deadlines;
	@Autowired
	protected org.springframework.context.ApplicationContext context;

	/**
	 * Every module's holder of personal data, by name, sorted as the fulfilment records are: each new
	 * module that holds personal data joins every erasure, restriction and withdrawal.
	 */
	protected java.util.List<String> holderNames() {
		return context.getBeansOfType(io.charter.shared.personaldata.PersonalDataHolder.class).values().stream()
				.map(io.charter.shared.personaldata.PersonalDataHolder::name).sorted().toList();
	}

	/** The holders that hold nothing of the test's person, joined as the refusal lists them. */
	protected String everyHolder() {
		return String.join(", ", holderNames());
	}

	@AfterEach
	void realTime() {
		RightsTestSetup.CLOCK.reset();
	}

	/** A client address of its own, so the form's rate limit of one test does not touch another. */
	protected static RequestPostProcessor newSource() {
		return from("10.77." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.incrementAndGet() % 250 + 1));
	}

	/** A request from a client address. */
	protected static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	protected static String csrfOf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF field").isTrue();
		return m.group(1);
	}

	/** Files a request on the public form the way a browser does: GET, then POST with the page's token. */
	protected MockHttpSession fileOnForm(String lang, String type, String name, String email, String visitor, String details)
			throws Exception {
		RequestPostProcessor source = newSource();
		var page = mvc.perform(get("/privacy/requests").param("lang", lang).with(source)).andReturn();
		MockHttpSession session = (MockHttpSession) page.getRequest().getSession(false);
		mvc.perform(post("/privacy/requests").session(session).with(source)
				.param("_csrf", csrfOf(page.getResponse().getContentAsString())).param("type", type).param("name", name)
				.param("email", email).param("visitorId", visitor).param("details", details).param("website", ""))
				.andExpect(redirectedUrl("/privacy/requests/sent"));
		return session;
	}

	protected UUID requestOf(String email) {
		return jdbc.sql("select id from rights_request where email = :e").param("e", email).query(UUID.class).single();
	}

	protected String statusOf(UUID id) {
		return jdbc.sql("select status from rights_request where id = :id").param("id", id).query(String.class).single();
	}

	protected static List<MimeMessage> mailsTo(String address) {
		return io.charter.Mailbox.to(SMTP, address);
	}

	/**
	 * The one message to an address whose subject contains a text, once it arrived. Timers are off
	 * in tests, and a dispatch right after a commit is skipped while another holds the outbox lock
	 * (two letters within a second), so the test dispatches the outbox itself while it waits.
	 */
	protected MimeMessage awaitMail(String to, String subject) {
		await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (mailsTo(to).stream().anyMatch(m -> subjectOf(m).contains(subject))) {
				return true;
			}
			dispatchOutbox();
			return false;
		});
		List<MimeMessage> found = mailsTo(to).stream().filter(m -> subjectOf(m).contains(subject)).toList();
		assertThat(found).as("messages to " + to + " about " + subject).hasSize(1);
		return found.get(0);
	}

	/** Runs the outbox dispatch job of this context, as its timer would. */
	protected void dispatchOutbox() throws Exception {
		Object dispatcher = context.getBean("outboxDispatcher");
		java.lang.reflect.Method dispatch = dispatcher.getClass().getMethod("dispatch");
		dispatch.setAccessible(true);
		dispatch.invoke(dispatcher);
	}

	protected static String subjectOf(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	protected static String bodyOf(MimeMessage m) {
		try {
			return m.getContent().toString().replace("\r\n", "\n");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	protected static String secretIn(String body, String path) {
		Matcher m = Pattern.compile("https://charter\\.example" + Pattern.quote(path) + "([A-Za-z0-9_-]{43})").matcher(body);
		assertThat(m.find()).as("a link " + path + " in\n" + body).isTrue();
		return m.group(1);
	}

	protected static Map<String, String> unzip(byte[] zip) throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	/** The withdrawal link in a letter. */
	protected static String withdrawLinkIn(String body) {
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).as("a withdrawal link in\n" + body).isTrue();
		return m.group(1);
	}
}
