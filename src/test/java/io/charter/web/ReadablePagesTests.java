package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * Staff pages that list times show them as people read them, in the organisation's time zone, and
 * states, roles and audited actions as words; the audit trail names actors and links entries to
 * their page; the language links keep the page and its query.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ReadablePagesTests {

	static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesThatListTimesShowNoRawIsoTimestampAndNoRawState() throws Exception {
		MockHttpSession officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		UUID id = register(officer, "RECTIFICATION", "Rita Readable", "fr");
		String path = "/rights/requests/" + id;
		mvc.perform(post(path + "/verify").session(officer).with(csrf()).param("text", "phone call back"))
				.andExpect(flash().attribute("notice", "rights.done.verify"));
		mvc.perform(post(path + "/complete").session(officer).with(csrf()).param("text", "Corrected."))
				.andExpect(status().is3xxRedirection());
		String today = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK)
				.format(LocalDate.now(ZoneId.of("Europe/Brussels")));

		String request = page(officer, path + "?lang=en");
		assertThat(ISO_TIME.matcher(request).find()).as("an ISO timestamp on the request page").isFalse();
		assertThat(request).contains(today);

		MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);
		String outbox = page(admin, "/admin/outbox?lang=en");
		assertThat(ISO_TIME.matcher(outbox).find()).as("an ISO timestamp in the outbox").isFalse();
		assertThat(outbox).contains(today).contains("held: mail is not configured")
				.doesNotContain("<span class=\"status\">HELD</span>", "<span class=\"status\">PENDING</span>");

		// This request's own entries: other tests' summaries are stored text, not times the page writes.
		String audit = page(admin, "/audit?entityId=" + id + "&lang=en");
		assertThat(ISO_TIME.matcher(audit).find()).as("an ISO timestamp in the audit trail").isFalse();
		assertThat(audit).contains(today);
	}

	@Test
	void languageLinksKeepThePageAndItsFilters() throws Exception {
		MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);
		String audit = page(admin, "/audit?action=user.invited&from=2026-01-01&lang=en");
		assertThat(audit).contains("href=\"/audit?action=user.invited&amp;from=2026-01-01&amp;lang=fr\" lang=\"fr\"",
				"href=\"/audit?action=user.invited&amp;from=2026-01-01&amp;lang=nl\" lang=\"nl\"");
		// Following the link keeps the filter and switches the language.
		String french = page(admin, "/audit?action=user.invited&from=2026-01-01&lang=fr");
		assertThat(french).contains("<html lang=\"fr\">", "value=\"user.invited\"", "value=\"2026-01-01\"");
	}

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
		UUID request = register(officer, "ACCESS", "Lina Linked", "en");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(page(admin, "/audit?lang=en&entityId=" + request))
				.contains("<a href=\"/rights/requests/" + request + "\">")
				.contains("Request received"));
	}

	/** A request registered by staff, as received by e-mail; its id. */
	private UUID register(MockHttpSession officer, String type, String name, String language) throws Exception {
		String email = Fixtures.uniqueEmail("readable");
		mvc.perform(post("/rights/requests").session(officer).with(csrf()).param("type", type).param("channel", "EMAIL")
				.param("name", name).param("email", email).param("language", language))
				.andExpect(status().is3xxRedirection());
		return jdbc.sql("select id from rights_request where email = :e").param("e", email).query(UUID.class).single();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return Fixtures.page(mvc, session, path);
	}
}
