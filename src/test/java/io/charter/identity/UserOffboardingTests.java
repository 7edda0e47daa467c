package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.charter.Fixtures;
import io.charter.identity.tokens.ApiTokenManagement;
import io.charter.platform.OneTimeLinks;
import io.charter.shared.Role;

/** Offboarding a leaver, on the users page (confirmed first) and through the API; links an administrator sends. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class UserOffboardingTests {

	private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">(.*?)</form>",
			Pattern.DOTALL);
	private static final Pattern FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	IdentityManagement identity;
	@Autowired
	ApiTokenManagement tokens;
	@Autowired
	OneTimeLinks links;
	@Autowired
	JdbcClient jdbc;

	@Test
	void deactivatingOnTheUsersPageIsConfirmedThenEndsSessionsAndTokensAndActivatingGivesAccessBack() throws Exception {
		var leaver = fixtures.user(Role.PRIVACY);
		MockHttpSession leaverSession = Fixtures.signIn(mvc, leaver.email(), Fixtures.PASSWORD);
		String token = tokens.issue(leaver.id(), "script", Set.of(Role.PRIVACY), Instant.now().plusSeconds(3600)).secret();
		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String confirmPath = "/admin/users/" + leaver.id() + "/deactivate";

		mvc.perform(get("/admin/users").session(admin))
				.andExpect(content().string(containsString("href=\"" + confirmPath + "\"")));
		String page = mvc.perform(get(confirmPath).session(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("API tokens of Test privacy stop working")))
				.andReturn().getResponse().getContentAsString();
		assertThat(identity.user(leaver.id()).orElseThrow().active()).as("after the confirmation page").isTrue();

		// A bare POST is sent to the confirmation and changes nothing.
		mvc.perform(post(confirmPath).session(admin).with(csrf())).andExpect(redirectedUrl(confirmPath));
		assertThat(identity.user(leaver.id()).orElseThrow().active()).isTrue();

		// The confirmation's own form, as the browser sends it.
		mvc.perform(submit(page, admin)).andExpect(redirectedUrl("/admin/users"))
				.andExpect(flash().attribute("notice", "users.deactivated"));
		assertThat(identity.user(leaver.id()).orElseThrow().active()).isFalse();
		mvc.perform(get("/profile").session(leaverSession)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());

		String list = mvc.perform(get("/admin/users").session(admin)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("action=\"/admin/users/" + leaver.id() + "/activate\"");
		mvc.perform(post("/admin/users/" + leaver.id() + "/activate").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("notice", "users.reactivated"));
		Fixtures.signIn(mvc, leaver.email(), Fixtures.PASSWORD);
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void onlyAdministratorsReachTheDeactivation() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		MockHttpSession auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/admin/users").session(auditor)).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("/deactivate"))));
		mvc.perform(get("/admin/users/" + user.id() + "/deactivate").session(auditor)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/" + user.id() + "/deactivate").session(auditor).with(csrf()).param("confirmed", "yes"))
				.andExpect(status().isForbidden());
		assertThat(identity.user(user.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void theApiDeactivatesAndActivatesForAdministratorsOnly() throws Exception {
		var leaver = fixtures.user(Role.EMPLOYEE);
		String leaverToken = tokens.issue(leaver.id(), "script", Set.of(Role.EMPLOYEE), Instant.now().plusSeconds(3600))
				.secret();
		String path = "/api/v1/users/" + leaver.id();
		for (Role role : List.of(Role.AUDITOR, Role.PRIVACY, Role.SECURITY, Role.RECEPTION, Role.EMPLOYEE)) {
			mvc.perform(bearer(post(path + "/deactivate"), fixtures.tokenFor(role)))
					.andExpect(status().isForbidden())
					.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		}
		mvc.perform(get(path)).andExpect(status().isUnauthorized());
		mvc.perform(bearer(get(path), fixtures.tokenFor(Role.AUDITOR))).andExpect(status().isOk())
				.andExpect(jsonPath("$.active").value(true));
		mvc.perform(bearer(get(path), fixtures.tokenFor(Role.EMPLOYEE))).andExpect(status().isForbidden());
		assertThat(identity.user(leaver.id()).orElseThrow().active()).isTrue();

		String admin = fixtures.tokenFor(Role.ADMIN);
		mvc.perform(bearer(post(path + "/deactivate"), admin)).andExpect(status().isOk())
				.andExpect(jsonPath("$.active").value(false)).andExpect(jsonPath("$.email").value(leaver.email()));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + leaverToken))
				.andExpect(status().isUnauthorized());
		mvc.perform(bearer(post(path + "/activate"), admin)).andExpect(status().isOk())
				.andExpect(jsonPath("$.active").value(true));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + leaverToken)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/users/" + UUID.randomUUID() + "/deactivate"), admin))
				.andExpect(status().isNotFound())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		// A session calling the API needs the CSRF token, as for every other write.
		MockHttpSession session = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(post(path + "/deactivate").session(session)).andExpect(status().isForbidden());
		mvc.perform(post(path + "/deactivate").session(session).with(csrf())).andExpect(status().isOk());
	}

	@Test
	void theLastActiveAdministratorCannotBeDeactivated() throws Exception {
		var other = fixtures.user(Role.ADMIN);
		String otherToken = tokens.issue(other.id(), "t", Set.of(Role.ADMIN), Instant.now().plusSeconds(3600)).secret();
		UUID last = identity.users().stream().filter(u -> u.email().equals(Fixtures.ADMIN_EMAIL)).findFirst()
				.orElseThrow().id();
		// Every other administrator (of this and other tests) leaves, through the API.
		for (UserSummary admin : identity.usersWithRole(Role.ADMIN)) {
			if (!admin.id().equals(last) && !admin.id().equals(other.id())) {
				identity.setActive(admin.id(), false);
			}
		}
		String lastToken = tokens.issue(last, "t", Set.of(Role.ADMIN), Instant.now().plusSeconds(3600)).secret();
		// While another administrator is active, any administrator may go.
		mvc.perform(bearer(post("/api/v1/users/" + last + "/deactivate"), otherToken)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/users/" + last + "/activate"), lastToken)).andExpect(status().isUnauthorized());
		identity.setActive(last, true);
		mvc.perform(bearer(post("/api/v1/users/" + other.id() + "/deactivate"), lastToken)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/users/" + last + "/deactivate"), lastToken)).andExpect(status().isConflict())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")))
				.andExpect(jsonPath("$.code").value("users.last-admin"))
				.andExpect(jsonPath("$.detail").value(
						"Charter needs at least one active administrator: make another user an administrator first."));
		// The problem speaks the caller's language; its code stays the same for machines.
		mvc.perform(bearer(post("/api/v1/users/" + last + "/deactivate"), lastToken).header("Accept-Language", "fr"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("users.last-admin"))
				.andExpect(jsonPath("$.detail").value(
						"Charter a besoin d'au moins un administrateur actif : nommez d'abord un autre utilisateur administrateur."));
		assertThat(identity.user(last).orElseThrow().active()).isTrue();

		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(post("/admin/users/" + last + "/deactivate").session(admin).with(csrf()).param("confirmed", "yes"))
				.andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("failure",
						"Charter needs at least one active administrator: make another user an administrator first."));
		mvc.perform(post("/admin/users/" + last + "/deactivate").session(admin).with(csrf()).param("confirmed", "yes")
				.param("lang", "nl")).andExpect(flash().attribute("failure",
						"Charter heeft minstens één actieve beheerder nodig: maak eerst een andere gebruiker beheerder."));
		assertThat(identity.user(last).orElseThrow().active()).isTrue();
	}

	@Test
	void withoutSmtpTheAdministratorHandsAResetLinkOverOnce() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		var sent = mvc.perform(post("/admin/users/" + user.id() + "/password-reset").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/admin/users")).andReturn();
		assertThat(sent.getResponse().getContentAsString()).doesNotContain("/password/reset/");
		String page = mvc.perform(get("/admin/users").session(admin))
				.andExpect(header().string("Cache-Control", containsString("no-store")))
				.andExpect(content().string(containsString("Password reset for Test employee")))
				.andReturn().getResponse().getContentAsString();
		Matcher link = Pattern.compile("/password/reset/([A-Za-z0-9_-]{43})").matcher(page);
		assertThat(link.find()).isTrue();
		mvc.perform(get("/admin/users").session(admin)).andExpect(content().string(not(containsString("/password/reset/"))));
		assertThat(jdbc.sql("select count(*) from one_time_link where purpose = 'identity.reset' and subject_id = :id")
				.param("id", user.id()).query(Long.class).single()).isEqualTo(1);
		identity.resetPassword(link.group(1), "copper-orchard-lighthouse");
		Fixtures.signIn(mvc, user.email(), "copper-orchard-lighthouse");

		// An invited user without a password gets no reset: their invitation is resent instead.
		String invited = Fixtures.uniqueEmail("invited");
		var invitation = identity.invite(invited, "Ivo", Set.of(Role.EMPLOYEE), "en");
		mvc.perform(post("/admin/users/" + invitation.user().id() + "/password-reset").session(admin).with(csrf()))
				.andExpect(flash().attribute("failure", containsString("no password to reset")));
	}

	@Test
	void anExpiredInvitationIsResentAndTheInvitationPageNamesTheAccount() throws Exception {
		String email = Fixtures.uniqueEmail("late");
		var invitation = identity.invite(email, "Lena Late", Set.of(Role.EMPLOYEE), "en");
		String first = Fixtures.secretOf(invitation);
		mvc.perform(get("/invitation/" + first)).andExpect(content().string(containsString("You are setting up the account " + email)));
		jdbc.sql("update one_time_link set expires_at = created_at where subject_id = :id").param("id", invitation.user().id())
				.update();
		mvc.perform(get("/invitation/" + first)).andExpect(content().string(containsString("invalid, already used or expired")));

		MockHttpSession admin = Fixtures.signIn(mvc, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(get("/admin/users").session(admin)).andExpect(content().string(containsString("Resend invitation")));
		mvc.perform(post("/admin/users/" + invitation.user().id() + "/invitation").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/admin/users"));
		String second = Fixtures.secretIn(mvc.perform(get("/admin/users").session(admin)).andReturn().getResponse()
				.getContentAsString());
		mvc.perform(get("/invitation/" + second)).andExpect(content().string(containsString(email)));
		identity.acceptInvitation(second, "copper-orchard-lighthouse");
		Fixtures.signIn(mvc, email, "copper-orchard-lighthouse");
	}

	/** Posts the first form of a page with its hidden fields, as a browser would on its button. */
	private MockHttpServletRequestBuilder submit(String page, MockHttpSession session) {
		Matcher form = FORM.matcher(page.substring(page.indexOf("<main")));
		assertThat(form.find()).as("a form in the page").isTrue();
		MockHttpServletRequestBuilder request = post(form.group(1)).session(session);
		Matcher field = FIELD.matcher(form.group(2));
		while (field.find()) {
			request.param(field.group(1), field.group(2));
		}
		return request;
	}

	private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}
}
