package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.identity.tokens.ApiTokenManagement;
import io.charter.shared.Role;

@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	IdentityManagement identity;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApiTokenManagement tokens;

	MockHttpSession login(String email, String password) throws Exception {
		return Fixtures.signIn(mvc, email, password);
	}

	/** Creates a token through the API with a session, as a person would from a script's setup. */
	String createToken(MockHttpSession session, String roles) throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").session(session).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"script\",\"roles\":[" + roles + "],\"expiresInDays\":30}"))
				.andExpect(status().isCreated()).andExpect(header().string("Cache-Control", "no-store"))
				.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	@Test
	void issuesATokenOnceAndStoresOnlyItsHash() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String secret = createToken(admin, "\"ADMIN\"");
		assertThat(secret).startsWith("chr_").hasSizeGreaterThan(40);
		long stored = jdbc.sql("select count(*) from api_token where token_hash = :s or prefix = :s or name = :s")
				.param("s", secret).query(Long.class).single();
		assertThat(stored).isZero();
		String listing = mvc.perform(get("/api/v1/tokens").session(admin)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(listing).doesNotContain(secret).contains(secret.substring(0, 10));
	}

	@Test
	void bearerTokenAuthenticatesApiCalls() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		String secret = createToken(admin, "\"ADMIN\"");
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer chr_not-a-token"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/tokens")).andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenNeverHoldsMoreRolesThanItsCreator() throws Exception {
		MockHttpSession employee = login(fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		mvc.perform(post("/api/v1/tokens").session(employee).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"escalate\",\"roles\":[\"ADMIN\"]}"))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ADMIN")))
				.andExpect(jsonPath("$.code").value("tokens.error.roles-too-wide"));
		mvc.perform(post("/api/v1/tokens").param("lang", "nl").session(employee).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"escalate\",\"roles\":[\"ADMIN\"]}"))
				.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("tokens.error.roles-too-wide"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Een token kan geen rollen hebben")));
	}

	/** A token limited to a lesser role, held by an administrator, is measured by its own roles, not its owner's. */
	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "EMPLOYEE", "AUDITOR" })
	void aLimitedTokenOfAnAdministratorCannotCreateAWiderToken(Role limited) throws Exception {
		UserSummary owner = fixtures.user(Role.ADMIN, limited);
		String secret = tokens.issue(owner.id(), "limited", Set.of(limited), Instant.now().plus(Duration.ofDays(30)))
				.secret();
		for (String roles : List.of("\"ADMIN\"", "\"ADMIN\",\"" + limited + "\"")) {
			mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + secret)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"widened\",\"roles\":[" + roles + "],\"expiresInDays\":366}"))
					.andExpect(status().isForbidden())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ADMIN")));
		}
		assertThat(tokens.tokensOf(owner.id())).extracting(ApiToken::name).containsExactly("limited");
		// Its own role it may hand on, for no longer than it lives itself.
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + secret)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"narrower\",\"roles\":[\"" + limited + "\"],\"expiresInDays\":7}"))
				.andExpect(status().isCreated());
	}

	@Test
	void aTokenCannotCreateATokenThatOutlivesIt() throws Exception {
		UserSummary owner = fixtures.user(Role.SECURITY);
		// Whole seconds: the database keeps microseconds and may round the nanoseconds of Instant.now().
		Instant callerExpiry = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
		String secret = tokens.issue(owner.id(), "short-lived", Set.of(Role.SECURITY), callerExpiry).secret();
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + secret)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"longer\",\"roles\":[\"SECURITY\"],\"expiresInDays\":3}"))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + secret)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"longer\",\"roles\":[\"SECURITY\"],\"expiresAt\":\""
						+ callerExpiry.plusSeconds(1) + "\"}"))
				.andExpect(status().isForbidden());
		// Asked for no lifetime, it gets the default shortened to its creator's.
		String body = mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + secret)
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"default\",\"roles\":[\"SECURITY\"]}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat(Instant.parse(JsonPath.read(body, "$.expiresAt"))).isBeforeOrEqualTo(callerExpiry);
		assertThat(tokens.tokensOf(owner.id())).allSatisfy(t -> assertThat(t.expiresAt()).isBeforeOrEqualTo(callerExpiry));
	}

	@Test
	void aLimitedTokenCannotRevokeItsOwnersWiderTokens() throws Exception {
		UserSummary owner = fixtures.user(Role.PRIVACY, Role.EMPLOYEE);
		Instant expiry = Instant.now().plus(Duration.ofDays(30));
		String limited = tokens.issue(owner.id(), "limited", Set.of(Role.EMPLOYEE), expiry).secret();
		ApiToken wider = tokens.issue(owner.id(), "wider", Set.of(Role.PRIVACY, Role.EMPLOYEE), expiry).token();
		ApiToken same = tokens.issue(owner.id(), "same", Set.of(Role.EMPLOYEE), expiry).token();
		mvc.perform(delete("/api/v1/tokens/" + wider.id()).header("Authorization", "Bearer " + limited))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(delete("/api/v1/tokens/" + same.id()).header("Authorization", "Bearer " + limited))
				.andExpect(status().isNoContent());
		assertThat(tokens.tokensOf(owner.id())).filteredOn(t -> t.revokedAt() != null).extracting(ApiToken::name)
				.containsExactly("same");
	}

	/**
	 * The other things an administrator does on someone's behalf (inviting, changing roles, seeing
	 * every token) are not open to a token that does not hold ADMIN, even when its owner does.
	 */
	@Test
	void aLimitedTokenOfAnAdministratorActsWithItsOwnRolesOnly() throws Exception {
		UserSummary owner = fixtures.user(Role.ADMIN, Role.EMPLOYEE);
		String secret = tokens.issue(owner.id(), "limited", Set.of(Role.EMPLOYEE), Instant.now().plusSeconds(3600))
				.secret();
		String invited = Fixtures.uniqueEmail("widened");
		mvc.perform(post("/admin/users").header("Authorization", "Bearer " + secret).with(csrf())
				.param("email", invited).param("displayName", "Widened").param("roles", "ADMIN").param("language", "en"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/admin/users/" + owner.id() + "/roles").header("Authorization", "Bearer " + secret)
				.with(csrf()).param("roles", "EMPLOYEE")).andExpect(redirectedUrl("/login"));
		assertThat(identity.users()).noneMatch(u -> u.email().equals(invited));
		assertThat(identity.user(owner.id()).orElseThrow().roles()).contains(Role.ADMIN);
		String all = mvc.perform(get("/api/v1/tokens").param("all", "true").header("Authorization", "Bearer " + secret))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(all, "$[*].userId")).containsOnly(owner.id().toString());
	}

	@Test
	void aTokenLosesARoleItsOwnerLost() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE, Role.AUDITOR);
		String secret = createToken(login(user.email(), Fixtures.PASSWORD), "\"AUDITOR\"");
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		identity.changeRoles(user.id(), Set.of(Role.EMPLOYEE));
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + secret))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void revokedExpiredAndOrphanedTokensStopWorking() throws Exception {
		var user = fixtures.user(Role.EMPLOYEE);
		MockHttpSession session = login(user.email(), Fixtures.PASSWORD);
		String revoked = createToken(session, "\"EMPLOYEE\"");
		String expired = createToken(session, "\"EMPLOYEE\"");
		String orphaned = createToken(session, "\"EMPLOYEE\"");

		String id = jdbc.sql("select id from api_token where prefix = :p").param("p", revoked.substring(0, 10))
				.query(String.class).single();
		mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + orphaned))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + revoked)).andExpect(status().isUnauthorized());

		jdbc.sql("update api_token set expires_at = :past where prefix = :p")
				.param("past", OffsetDateTime.now().minusSeconds(1)).param("p", expired.substring(0, 10)).update();
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + expired)).andExpect(status().isUnauthorized());

		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + orphaned)).andExpect(status().isOk());
		identity.setActive(user.id(), false);
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + orphaned)).andExpect(status().isUnauthorized());
	}

	@Test
	void nobodyRevokesSomeoneElsesTokenButAnAdministrator() throws Exception {
		MockHttpSession owner = login(fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		String secret = createToken(owner, "\"EMPLOYEE\"");
		String id = jdbc.sql("select id from api_token where prefix = :p").param("p", secret.substring(0, 10))
				.query(String.class).single();
		MockHttpSession other = login(fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		mvc.perform(delete("/api/v1/tokens/" + id).session(other).with(csrf())).andExpect(status().isNotFound());
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(delete("/api/v1/tokens/" + id).session(admin).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
	}

	@Test
	void badRequestsGetProblemDetailsWithFields() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(post("/api/v1/tokens").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"roles\":[],\"expiresInDays\":999}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field").value(
						org.hamcrest.Matchers.containsInAnyOrder("name", "roles", "expiresInDays")));
		// Field errors in plain words, in the caller's language.
		String longName = "x".repeat(101);
		mvc.perform(post("/api/v1/tokens").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + longName + "\",\"roles\":[\"ADMIN\"]}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"))
				.andExpect(jsonPath("$.errors[0].message").value("at most 100 characters"));
		mvc.perform(post("/api/v1/tokens").param("lang", "fr").session(admin).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + longName + "\",\"roles\":[\"ADMIN\"]}"))
				.andExpect(jsonPath("$.errors[0].message").value("100 caractères au plus"));
		mvc.perform(post("/api/v1/tokens").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": ")).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/tokens").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"roles\":[\"KING\"]}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/tokens").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"roles\":[\"ADMIN\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(delete("/api/v1/tokens/not-a-uuid").session(admin).with(csrf())).andExpect(status().isBadRequest());
	}

	@Test
	void sessionCallsToTheApiNeedTheCsrfToken() throws Exception {
		MockHttpSession admin = login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		mvc.perform(post("/api/v1/tokens").session(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"roles\":[\"ADMIN\"]}")).andExpect(status().isForbidden());
	}

	@Test
	void theTokensPageShowsTheSecretOnceAndAReloadCreatesNoSecondToken() throws Exception {
		var user = fixtures.user(Role.PRIVACY);
		MockHttpSession session = login(user.email(), Fixtures.PASSWORD);
		var created = mvc.perform(post("/tokens").session(session).with(csrf()).param("name", "from-page")
				.param("roles", "PRIVACY").param("days", "10")).andExpect(redirectedUrl("/tokens")).andReturn();
		// Post/redirect/get: what a reload sends again is the GET, not the POST.
		assertThat(created.getResponse().getContentAsString()).doesNotContain("chr_");
		String page = mvc.perform(get("/tokens").session(session)).andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
				.andReturn().getResponse().getContentAsString();
		String secret = page.replaceAll("(?s).*<code id=\"token-secret\">([^<]+)</code>.*", "$1");
		assertThat(secret).startsWith("chr_");
		mvc.perform(get("/tokens").session(session)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));
		assertThat(tokens.tokensOf(user.id())).hasSize(1);
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
	}

	@Test
	void revokingATokenOnThePageIsConfirmedFirst() throws Exception {
		var user = fixtures.user(Role.PRIVACY);
		MockHttpSession session = login(user.email(), Fixtures.PASSWORD);
		var issued = tokens.issue(user.id(), "nightly-export", Set.of(Role.PRIVACY), Instant.now().plusSeconds(3600));
		String id = issued.token().id().toString();
		// The list links to the confirmation; nothing on it revokes.
		mvc.perform(get("/tokens").session(session)).andExpect(content().string(org.hamcrest.Matchers.allOf(
				org.hamcrest.Matchers.containsString("href=\"/tokens/" + id + "/revoke\""),
				org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("action=\"/tokens/" + id + "/revoke\"")))));
		mvc.perform(get("/tokens/" + id + "/revoke").session(session)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Revoke the token \"nightly-export\"?")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"confirmed\"")));
		// A bare POST (no confirmation) is sent to the confirmation and revokes nothing.
		mvc.perform(post("/tokens/" + id + "/revoke").session(session).with(csrf()))
				.andExpect(redirectedUrl("/tokens/" + id + "/revoke"));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
		mvc.perform(post("/tokens/" + id + "/revoke").session(session).with(csrf()).param("confirmed", "yes"))
				.andExpect(redirectedUrl("/tokens"));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + issued.secret()))
				.andExpect(status().isUnauthorized());
		// Someone else's token does not exist for them.
		MockHttpSession other = login(fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		mvc.perform(get("/tokens/" + id + "/revoke").session(other)).andExpect(status().isNotFound());
	}
}
