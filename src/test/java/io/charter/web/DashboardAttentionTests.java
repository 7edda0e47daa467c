package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * The dashboard's "needs attention" list against the shipped data (no SMTP, the organisation
 * profile's open questions, WeGroup's cookies to be confirmed), per role, with one contributor that
 * always fails.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class DashboardAttentionTests {

	static final String MAIL = "Mail is not configured: letters and invitations are held in the outbox.";
	static final String ANSWER = "questions about the organisation profile are open: answer them";
	static final String READ_ONLY = "questions about the organisation profile are open; an administrator answers them";
	static final String COOKIES = "cookies of site WeGroup are to be confirmed";

	/**
	 * The failing contributor joins the shared context for this class's tests only (the dashboard asks
	 * for its contributors on every visit), rather than by a configuration of its own, which would start a
	 * context for this class alone.
	 */
	@BeforeEach
	void addAFailingContributor() {
		beans().registerSingleton(FAILING, (Attention) () -> {
			failingAsked.incrementAndGet();
			throw new IllegalStateException("broken contributor");
		});
	}

	@AfterEach
	void removeTheFailingContributor() {
		beans().destroySingleton(FAILING);
	}

	static final String FAILING = "failingAttentionOfDashboardAttentionTests";
	final AtomicInteger failingAsked = new AtomicInteger();

	@Autowired
	ApplicationContext context;

	DefaultListableBeanFactory beans() {
		return (DefaultListableBeanFactory) ((ConfigurableApplicationContext) context).getBeanFactory();
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	MessageSource messages;

	String dashboard(Role... roles) throws Exception {
		return mvc.perform(get("/").header("Accept-Language", "en")
				.session(Fixtures.signIn(mvc, fixtures.user(roles).email(), Fixtures.PASSWORD)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void eachRoleSeesItsNoticesDespiteAFailingContributor() throws Exception {
		assertThat(dashboard(Role.ADMIN)).contains(MAIL, ANSWER, COOKIES, "href=\"/organisation#org-questions\"",
				"href=\"/consent/wegroup-be#open-questions\"").doesNotContain(READ_ONLY);
		assertThat(dashboard(Role.PRIVACY)).contains(MAIL, READ_ONLY, COOKIES).doesNotContain(ANSWER);
		assertThat(dashboard(Role.AUDITOR)).contains(READ_ONLY).doesNotContain(MAIL, ANSWER, COOKIES);
		assertThat(dashboard(Role.EMPLOYEE)).contains("Nothing needs your attention.")
				.doesNotContain(MAIL, ANSWER, READ_ONLY, COOKIES);
		// One notice per link: an administrator who also audits gets the wording of the one who acts.
		assertThat(dashboard(Role.ADMIN, Role.AUDITOR)).contains(ANSWER).doesNotContain(READ_ONLY);
		assertThat(failingAsked).as("the failing contributor was asked at each of the five visits").hasValueGreaterThanOrEqualTo(5);
	}

	@Test
	void countsAreWordedForOneAndForSeveral() {
		for (Object[] c : new Object[][] {
				{ "en", 1, "1 question about the organisation profile is open: answer it" },
				{ "en", 2, "2 questions about the organisation profile are open: answer them" },
				{ "fr", 1, "1 question sur le profil de l’organisation est ouverte : répondez-y" },
				{ "fr", 2, "2 questions sur le profil de l’organisation sont ouvertes : répondez-y" },
				{ "nl", 1, "1 vraag over het organisatieprofiel staat open: beantwoord ze" },
				{ "nl", 2, "2 vragen over het organisatieprofiel staan open: beantwoord ze" } }) {
			assertThat(messages.getMessage("organisation.attention.answer", new Object[] { c[1] },
					Locale.forLanguageTag((String) c[0]))).isEqualTo(c[2]);
		}
		for (Object[] c : new Object[][] {
				{ "en", 1, "1 cookie of site Shop is to be confirmed" },
				{ "en", 3, "3 cookies of site Shop are to be confirmed" },
				{ "fr", 1, "1 cookie du site Shop est à confirmer" },
				{ "fr", 3, "3 cookies du site Shop sont à confirmer" },
				{ "nl", 1, "1 cookie van site Shop moet nog bevestigd worden" },
				{ "nl", 3, "3 cookies van site Shop moeten nog bevestigd worden" } }) {
			assertThat(messages.getMessage("catalogue.attention.to-be-confirmed", List.of(c[1], "Shop").toArray(),
					Locale.forLanguageTag((String) c[0]))).isEqualTo(c[2]);
		}
	}
}
