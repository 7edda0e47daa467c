package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Concurrently;
import io.charter.Fixtures;
import io.charter.identity.tokens.ApiTokenManagement;
import io.charter.platform.OneTimeLinks;
import io.charter.shared.Role;

@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class IdentityIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	IdentityManagement identity;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApiTokenManagement tokens;
	@Autowired
	OneTimeLinks links;

	MockHttpSession login(String email, String password) throws Exception {
		return Fixtures.signIn(mvc, email, password);
	}

	@Test
	void createsFirstAdministratorFromConfiguration() {
		assertThat(identity.users()).anySatisfy(u -> {
			assertThat(u.email()).isEqualTo(Fixtures.ADMIN_EMAIL);
			assertThat(u.roles()).contains(Role.ADMIN);
		});
		assertThat(identity.hasAdministrator()).isTrue();
	}

	@Test
	void refusesASecondFirstAdministrator() {
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> identity.createFirstAdmin(Fixtures.uniqueEmail("x"), "X", "long-enough-password"))
				.isInstanceOf(InvalidUserChange.class);
	}

	@Test
	void signsInWithPasswordAndSeesTheDashboard() throws Exception {
		MockHttpSession session = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(get("/").session(session)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Administrator")));
	}

	@Test
	void unauthenticatedPagesRedirectToLogin() throws Exception {
		mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
	}

	@Test
	void failedSignInsLookTheSameForUnknownAndKnownUsers() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		mvc.perform(formLogin("/login").user(user.email()).password("wrong-password-123"))
				.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user(Fixtures.uniqueEmail("nobody")).password("wrong-password-123"))
				.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login").param("error", "")).andExpect(content().string(
				org.hamcrest.Matchers.containsString("Sign-in failed. Check your e-mail and password, or try again later.")));
	}

	@Test
	void signInNeedsTheCsrfToken() throws Exception {
		mvc.perform(post("/login").param("username", Fixtures.ADMIN_EMAIL).param("password", Fixtures.ADMIN_PASSWORD))
				.andExpect(status().isForbidden());
	}

	@Test
	void failuresFromOneAddressNeverStopTheRightPasswordFromAnother() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		for (int i = 0; i < 5; i++) {
			mvc.perform(attempt(user.email(), "wrong-password-" + i, "10.20.30.50")).andExpect(redirectedUrl("/login?error"));
		}
		// One failure too many: the failing address now waits, and is told for how long.
		mvc.perform(attempt(user.email(), "wrong-password-5", "10.20.30.50"))
				.andExpect(redirectedUrl("/login?error&wait=1"));
		mvc.perform(get("/login").param("error", "").param("wait", "1")).andExpect(content().string(
				org.hamcrest.Matchers.containsString("Too many failed sign-ins from your connection: try again in 1 seconds.")));
		// The account itself is not locked: its owner signs in from elsewhere.
		mvc.perform(attempt(user.email(), Fixtures.PASSWORD, "10.20.30.51")).andExpect(redirectedUrl("/"));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
				.sql("select count(*) from audit_entry where action = 'user.failed-sign-ins' and entity_id = :id")
				.param("id", user.id().toString()).query(Long.class).single() == 1);
	}

	@Test
	void slowsDownASourceThatKeepsFailingAtManyAccounts() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		for (int i = 0; i < 20; i++) {
			mvc.perform(attempt(Fixtures.uniqueEmail("guess"), "guess-" + i, "10.20.30.40"))
					.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(attempt(Fixtures.uniqueEmail("guess"), "guess-20", "10.20.30.40"))
				.andExpect(redirectedUrl("/login?error&wait=1"));
		// Another source is not affected.
		mvc.perform(attempt(user.email(), Fixtures.PASSWORD, "10.20.30.41")).andExpect(redirectedUrl("/"));
	}

	static org.springframework.test.web.servlet.RequestBuilder attempt(String email, String password, String from) {
		return post("/login").with(csrf()).param("username", email).param("password", password).with(r -> {
			r.setRemoteAddr(from);
			return r;
		});
	}

	@Test
	void rolesDecideWhatAUserMayOpen() throws Exception {
		MockHttpSession employee = login(fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		mvc.perform(get("/admin/users").session(employee)).andExpect(status().isForbidden());
		mvc.perform(get("/audit").session(employee)).andExpect(status().isForbidden());

		MockHttpSession auditor = login(fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		mvc.perform(get("/admin/users").session(auditor)).andExpect(status().isOk());
		mvc.perform(get("/audit").session(auditor)).andExpect(status().isOk());
		// Read-only: the auditor cannot invite anyone.
		mvc.perform(post("/admin/users").session(auditor).with(csrf()).param("email", Fixtures.uniqueEmail("a"))
				.param("displayName", "A").param("roles", "ADMIN").param("language", "en"))
				.andExpect(status().isForbidden());
	}

	/** Invites through the users page and returns the page the redirect leads to, which shows the link once. */
	String inviteOnThePage(MockHttpSession admin, String email, String name, String role, String language)
			throws Exception {
		mvc.perform(post("/admin/users").session(admin).with(csrf()).param("email", email).param("displayName", name)
				.param("roles", role).param("language", language)).andExpect(redirectedUrl("/admin/users"));
		return mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}

	@Test
	void invitedUserChoosesAPasswordOnceAndSignsIn() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String email = Fixtures.uniqueEmail("invitee");
		String page = inviteOnThePage(admin, email, "Inès Invitée", "PRIVACY", "fr");

		var message = jdbc.sql("select subject, status, language from outbox_message where recipient = :to")
				.param("to", email).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
				.single();
		assertThat(message).isEqualTo("Votre compte Charter|HELD|fr");

		String secret = Fixtures.secretIn(page);
		mvc.perform(get("/invitation/" + secret)).andExpect(status().isOk());
		mvc.perform(post("/invitation/" + secret).with(csrf()).param("password", "short").param("confirm", "short"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("12 to 128 characters")));
		mvc.perform(post("/invitation/" + secret).with(csrf()).param("password", "invitee-password-1")
				.param("confirm", "invitee-password-1")).andExpect(redirectedUrl("/login?created"));
		MockHttpSession invitee = login(email, "invitee-password-1");
		// The interface speaks the user's profile language.
		mvc.perform(get("/").session(invitee).header("Accept-Language", "en"))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Tableau de bord")));

		// The link works once.
		mvc.perform(post("/invitation/" + secret).with(csrf()).param("password", "another-password-2")
				.param("confirm", "another-password-2")).andExpect(status().isOk());
		mvc.perform(formLogin("/login").user(email).password("another-password-2")).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theInvitingAdministratorSeesTheLinkOnceAndAReloadNeitherShowsItNorInvitesTwice() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String email = Fixtures.uniqueEmail("handed-over");
		var invited = mvc.perform(post("/admin/users").session(admin).with(csrf()).param("email", email)
				.param("displayName", "Hanna Handover").param("roles", "ADMIN").param("language", "en"))
				.andExpect(redirectedUrl("/admin/users")).andReturn();
		// Post/redirect/get: the link is not in the answer to the POST, which a reload would send again.
		assertThat(invited.getResponse().getContentAsString()).doesNotContain("/invitation/");

		var shown = mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Invitation for Hanna Handover")))
				.andReturn().getResponse().getContentAsString();
		String secret = Fixtures.secretIn(shown);
		assertThat(identity.invitationUsable(secret)).isTrue();

		// Reload: the link is gone, and there is still one invitation.
		mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/invitation/"))));
		UserSummary user = identity.users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
		assertThat(jdbc.sql("select count(*) from one_time_link where subject_id = :id").param("id", user.id())
				.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :to").param("to", email)
				.query(Long.class).single()).isEqualTo(1);
		// Another administrator's session never sees it.
		MockHttpSession other = login(fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);
		mvc.perform(get("/admin/users").session(other))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));
	}

	@Test
	void aLostInvitationLinkIsReplacedByANewOne() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String email = Fixtures.uniqueEmail("lost-link");
		String first = Fixtures.secretIn(inviteOnThePage(admin, email, "Luc Lost", "EMPLOYEE", "nl"));
		UserSummary user = identity.users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();

		mvc.perform(post("/admin/users/" + user.id() + "/invitation").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/admin/users"));
		String second = Fixtures.secretIn(mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString());

		assertThat(second).isNotEqualTo(first);
		assertThat(identity.invitationUsable(first)).as("the lost link").isFalse();
		identity.acceptInvitation(second, "lost-and-found-password");
		login(email, "lost-and-found-password");
		// Once the password is chosen there is nothing to renew.
		mvc.perform(post("/admin/users/" + user.id() + "/invitation").session(admin).with(csrf()))
				.andExpect(redirectedUrl("/admin/users"))
				.andExpect(flash().attribute("failure", "This user has no pending invitation."));
	}

	@Test
	void anInvitationLinkUsedSixTimesAtOnceSetsOnePassword() throws Exception {
		String email = Fixtures.uniqueEmail("race");
		String secret = Fixtures.secretOf(identity.invite(email, "Rita Race", Set.of(Role.ADMIN), "en"));
		List<Object> outcomes = Concurrently.run(6, i -> identity.acceptInvitation(secret, "race-password-" + i));

		assertThat(outcomes).filteredOn(UserSummary.class::isInstance).as("winners").hasSize(1);
		assertThat(outcomes).filteredOn(o -> !(o instanceof UserSummary)).as("losers")
				.allSatisfy(o -> assertThat(o).isInstanceOf(InvalidUserChange.class));
		int winner = outcomes.indexOf(outcomes.stream().filter(UserSummary.class::isInstance).findFirst().orElseThrow());
		login(email, "race-password-" + winner);
	}

	@Test
	void refusesDuplicateAndInvalidInvitations() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		long before = identity.users().size();
		mvc.perform(post("/admin/users").session(admin).with(csrf()).param("email", Fixtures.ADMIN_EMAIL.toUpperCase())
				.param("displayName", "Dup").param("roles", "EMPLOYEE").param("language", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("already exists")));
		mvc.perform(post("/admin/users").session(admin).with(csrf()).param("email", "not-an-email")
				.param("displayName", "Bad").param("language", "en")).andExpect(status().isOk());
		assertThat(identity.users()).hasSize((int) before);
	}

	@Test
	void deactivatedUserCannotSignIn() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		login(user.email(), Fixtures.PASSWORD);
		identity.setActive(user.id(), false);
		mvc.perform(formLogin("/login").user(user.email()).password(Fixtures.PASSWORD))
				.andExpect(redirectedUrl("/login?error"));
		identity.setActive(user.id(), true);
		login(user.email(), Fixtures.PASSWORD);
	}

	@Test
	void aUserNeedsAtLeastOneRole() {
		var user = fixtures.user(Role.EMPLOYEE);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.changeRoles(user.id(), Set.of()))
				.isInstanceOf(InvalidUserChange.class);
		identity.changeRoles(user.id(), Set.of(Role.SECURITY, Role.EMPLOYEE));
		assertThat(identity.user(user.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.SECURITY, Role.EMPLOYEE);
	}

	@Test
	void changesOwnPasswordAndLanguage() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		MockHttpSession session = login(user.email(), Fixtures.PASSWORD);
		mvc.perform(post("/profile/password").session(session).with(csrf()).param("current", "wrong")
				.param("password", "new-password-12345").param("confirm", "new-password-12345"))
				.andExpect(redirectedUrl("/profile"));
		mvc.perform(post("/profile/password").session(session).with(csrf()).param("current", Fixtures.PASSWORD)
				.param("password", "new-password-12345").param("confirm", "new-password-12345"))
				.andExpect(redirectedUrl("/profile"));
		login(user.email(), "new-password-12345");
		mvc.perform(post("/profile/language").session(session).with(csrf()).param("language", "nl"))
				.andExpect(redirectedUrl("/profile"));
		assertThat(identity.user(user.id()).orElseThrow().language()).isEqualTo("nl");
		mvc.perform(get("/profile").session(session)).andExpect(content().string(org.hamcrest.Matchers.containsString("Profiel")));
	}

	@Test
	void passwordsAreStoredWithAnAdaptiveHash() {
		var user = fixtures.user(Role.EMPLOYEE);
		String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", user.id())
				.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
	}

	@Test
	void aDeactivatedUsersSessionEndsAndRoleChangesApplyAtOnce() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		MockHttpSession session = login(user.email(), Fixtures.PASSWORD);
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		identity.changeRoles(user.id(), Set.of(Role.EMPLOYEE, Role.AUDITOR));
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
		identity.changeRoles(user.id(), Set.of(Role.EMPLOYEE));
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		identity.setActive(user.id(), false);
		mvc.perform(get("/profile").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anInvitationRefusesAWeakPasswordWithAReasonAndStaysUsable() throws Exception {
		String email = Fixtures.uniqueEmail("weak");
		identity.invite(email, "Weak", Set.of(Role.EMPLOYEE), "en");
		String secret = fixtures.invitationSecret(email);
		mvc.perform(post("/invitation/" + secret).with(csrf()).param("password", "Password1234")
				.param("confirm", "Password1234")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("one of the most common ones")));
		mvc.perform(post("/invitation/" + secret).with(csrf()).header("Accept-Language", "fr")
				.param("password", email.toUpperCase()).param("confirm", email.toUpperCase())).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("votre adresse e-mail")));
		mvc.perform(post("/invitation/" + secret).with(csrf()).header("Accept-Language", "nl")
				.param("password", " ".repeat(14)).param("confirm", " ".repeat(14))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("alleen uit spaties")));
		mvc.perform(post("/invitation/" + secret).with(csrf()).param("password", "lantern-mossy-tugboat")
				.param("confirm", "lantern-mossy-tugboat")).andExpect(redirectedUrl("/login?created"));
		login(email, "lantern-mossy-tugboat");
	}

	@Test
	void aProfileRefusesAWeakNewPasswordInTheUsersLanguage() throws Exception {
		var user = fixtures.user(Fixtures.uniqueEmail("profiel"), "nl", Role.EMPLOYEE);
		MockHttpSession session = login(user.email(), Fixtures.PASSWORD);
		mvc.perform(post("/profile/password").session(session).with(csrf()).param("current", Fixtures.PASSWORD)
				.param("password", "qwertyuiop123").param("confirm", "qwertyuiop123"))
				.andExpect(redirectedUrl("/profile"))
				.andExpect(flash().attribute("failure", org.hamcrest.Matchers.containsString("meest gebruikte")));
		mvc.perform(formLogin("/login").user(user.email()).password("qwertyuiop123")).andExpect(redirectedUrl("/login?error"));
		login(user.email(), Fixtures.PASSWORD);
	}

	/** CHARTER_ADMIN_PASSWORD and the setup page both come here; the password is judged before anything else. */
	@Test
	void theFirstAdministratorNeedsAStrongPasswordToo() {
		String email = Fixtures.uniqueEmail("first");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.createFirstAdmin(email, "First", "iloveyou2024!"))
				.isInstanceOfSatisfying(WeakPassword.class,
						e -> assertThat(e.reason()).isEqualTo(WeakPassword.Reason.COMMON));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.createFirstAdmin(email, "First", email + "-2024"))
				.isInstanceOfSatisfying(WeakPassword.class,
						e -> assertThat(e.reason()).isEqualTo(WeakPassword.Reason.PERSONAL));
	}

	@Test
	void aPasswordChangeEndsTheUsersOtherSessionsButNotThisOneNorItsTokens() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		MockHttpSession here = login(user.email(), Fixtures.PASSWORD);
		MockHttpSession elsewhere = login(user.email(), Fixtures.PASSWORD);
		MockHttpSession someoneElse = login(fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		String token = tokens.issue(user.id(), "script", Set.of(Role.EMPLOYEE), java.time.Instant.now().plusSeconds(3600))
				.secret();
		mvc.perform(post("/profile/password").session(here).with(csrf()).param("current", Fixtures.PASSWORD)
				.param("password", "harbour-quiet-lantern").param("confirm", "harbour-quiet-lantern"))
				.andExpect(redirectedUrl("/profile")).andExpect(flash().attribute("notice", "profile.password-changed"));

		mvc.perform(get("/profile").session(here)).andExpect(status().isOk());
		mvc.perform(get("/profile").session(elsewhere)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/profile").session(someoneElse)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/profile").session(here)).andExpect(status().isOk());
	}

	@Test
	void aPasswordSetThroughAOneTimeLinkEndsTheUsersSessions() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		MockHttpSession session = login(user.email(), Fixtures.PASSWORD);
		mvc.perform(get("/profile").session(session)).andExpect(status().isOk());
		String secret = links.issue(UserLinkStates.INVITE, user.id(), java.time.Duration.ofHours(1));
		identity.acceptInvitation(secret, "tugboat-mossy-lantern");
		mvc.perform(get("/profile").session(session)).andExpect(redirectedUrl("/login"));
		login(user.email(), "tugboat-mossy-lantern");
	}
}
