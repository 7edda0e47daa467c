package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;

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
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ADMIN")));
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
	void theTokensPageShowsTheSecretOnce() throws Exception {
		MockHttpSession session = login(fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String page = mvc.perform(post("/tokens").session(session).with(csrf()).param("name", "from-page")
				.param("roles", "PRIVACY").param("days", "10")).andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-store")).andReturn().getResponse().getContentAsString();
		String secret = page.replaceAll("(?s).*<code id=\"token-secret\">([^<]+)</code>.*", "$1");
		assertThat(secret).startsWith("chr_");
		mvc.perform(get("/tokens").session(session)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
	}
}
