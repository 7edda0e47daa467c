package io.charter;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.stereotype.Component;

import io.charter.identity.IdentityManagement;
import io.charter.identity.IssuedInvitation;
import io.charter.identity.UserSummary;
import io.charter.identity.tokens.ApiTokenManagement;
import io.charter.shared.Role;

/**
 * Makes users the way an administrator does: an invitation, then its one-time link (the outbox
 * shows it masked only, so the link comes from the invitation itself, as the inviting
 * administrator gets it). Every user gets a unique e-mail, so tests can share one database.
 */
@Component
public class Fixtures {

	public static final String ADMIN_EMAIL = "admin@charter.test";
	public static final String ADMIN_PASSWORD = "charter-tests-operator";
	public static final String PASSWORD = "a-long-test-password";

	private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]+)");

	private final IdentityManagement identity;
	private final JdbcClient jdbc;
	private final ApiTokenManagement tokens;

	public Fixtures(IdentityManagement identity, JdbcClient jdbc, ApiTokenManagement tokens) {
		this.identity = identity;
		this.jdbc = jdbc;
		this.tokens = tokens;
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	/** An active user with a password ({@link #PASSWORD}) and the given roles. */
	public UserSummary user(Role... roles) {
		return user(uniqueEmail("user"), "en", roles);
	}

	public UserSummary user(String email, String language, Role... roles) {
		IssuedInvitation invitation = identity.invite(email, "Test " + roles[0].name().toLowerCase(), Set.of(roles), language);
		return identity.acceptInvitation(secretOf(invitation), PASSWORD);
	}

	/** Signs in through the real login form; the session to use for the following requests. */
	public static MockHttpSession signIn(MockMvc mvc, String email, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(email).password(password))
				.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
	}

	/** A page as the signed-in user reads it, which must answer 200. */
	public static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	/** A bearer token of a new user holding one role. */
	public String tokenFor(Role role) {
		UserSummary user = user(role);
		return tokens.issue(user.id(), "test", Set.of(role), java.time.Instant.now().plusSeconds(3600)).secret();
	}

	/**
	 * The secret of the last invitation to an address, from the text the outbox holds to send
	 * (no page shows it). Only while that message is not sent: in a context without SMTP, not
	 * with one (use {@link #secretOf} there).
	 */
	public String invitationSecret(String email) {
		return secretIn(jdbc.sql("""
				select coalesce(body_to_send, body) from outbox_message where recipient = :to
				order by created_at desc limit 1""").param("to", email).query(String.class).single());
	}

	/** The secret in an invitation's one-time link. */
	public static String secretOf(IssuedInvitation invitation) {
		return secretIn(invitation.link());
	}

	/** The secret of the first invitation link in a text. */
	public static String secretIn(String text) {
		Matcher m = LINK.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("No invitation link in the text");
		}
		return m.group(1);
	}
}
