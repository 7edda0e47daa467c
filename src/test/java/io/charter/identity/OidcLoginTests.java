package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEObjectType;

import io.charter.Fixtures;
import io.charter.shared.Role;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OIDC sign-in: the app talks to a real identity provider (mock-oauth2-server) over HTTP, and
 * a real HTTP client with a cookie jar plays the browser through every redirect. The app is reached
 * as {@code localhost}, the provider as {@code 127.0.0.1}, so their session cookies stay apart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OidcLoginTests {

	private static final String ISSUER_ID = "corp";

	/** Started before the context: the app reads the provider's discovery document at startup. */
	static final MockOAuth2Server IDP = startIdp();

	private static MockOAuth2Server startIdp() {
		MockOAuth2Server server = new MockOAuth2Server();
		try {
			server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return server;
	}

	static String issuerUri() {
		return IDP.issuerUrl(ISSUER_ID).newBuilder().host("127.0.0.1").build().toString();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.registration.corp.client-id", () -> "charter");
		registry.add("spring.security.oauth2.client.registration.corp.client-secret", () -> "secret");
		registry.add("spring.security.oauth2.client.registration.corp.scope", () -> "openid,email,profile");
		registry.add("spring.security.oauth2.client.registration.corp.client-name", () -> "Corp SSO");
		registry.add("spring.security.oauth2.client.registration.corp.provider", () -> "corp");
		registry.add("spring.security.oauth2.client.provider.corp.issuer-uri", OidcLoginTests::issuerUri);
	}

	@AfterAll
	static void stopIdp() {
		IDP.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginPageOffersTheProvider() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> page = browser.get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).containsPattern(
				"<a[^>]*href=\"/oauth2/authorization/corp\"[^>]*>\\s*Sign in with Corp SSO\\s*</a>");
	}

	@Test
	void unknownEmailSignsInAsNewEmployee() throws Exception {
		String email = Fixtures.uniqueEmail("oidc-new");
		String name = "Olivia Newcomer " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(userWithEmail(email)).isEmpty();

		Browser browser = new Browser();
		HttpResponse<String> end = browser.signInThroughIdp("sub-" + UUID.randomUUID(), email, name, true);

		assertThat(end.uri().getPath()).isEqualTo("/");
		assertThat(end.statusCode()).isEqualTo(200);
		HttpResponse<String> dashboard = browser.get("/");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.uri().getPath()).isEqualTo("/");
		assertThat(dashboard.body()).contains("<span class=\"who\">" + name + "</span>");

		UserSummary user = userWithEmail(email).orElseThrow(() -> new AssertionError("no user created for " + email));
		assertThat(user.roles()).containsExactly(Role.EMPLOYEE);
		assertThat(user.displayName()).isEqualTo(name);
		assertThat(user.active()).isTrue();
		assertThat(user.passwordSet()).isFalse();
		assertThat(user.lastLoginAt()).isNotNull();

		// The audit trail is written asynchronously, after the sign-in committed.
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(jdbc
						.sql("select count(*) from audit_entry where action = 'user.created' and entity_type = 'user' and entity_id = :id")
						.param("id", user.id().toString()).query(Long.class).single()).isEqualTo(1L));
	}

	@Test
	void existingUserKeepsTheirRoles() throws Exception {
		UserSummary existing = fixtures.user(Role.PRIVACY);
		long usersBefore = identity.users().stream().filter(u -> u.email().equalsIgnoreCase(existing.email())).count();
		assertThat(usersBefore).isEqualTo(1);

		Browser browser = new Browser();
		HttpResponse<String> end = browser.signInThroughIdp("sub-" + UUID.randomUUID(), existing.email(),
				"Another Name From The IdP", true);

		assertThat(end.uri().getPath()).isEqualTo("/");
		assertThat(end.statusCode()).isEqualTo(200);
		// The page shows Charter's name for the user, not the provider's.
		assertThat(end.body()).contains("<span class=\"who\">" + existing.displayName() + "</span>");

		List<UserSummary> matching = identity.users().stream()
				.filter(u -> u.email().equalsIgnoreCase(existing.email())).toList();
		assertThat(matching).hasSize(1);
		UserSummary after = matching.get(0);
		assertThat(after.id()).isEqualTo(existing.id());
		assertThat(after.roles()).containsExactly(Role.PRIVACY);
		assertThat(after.displayName()).isEqualTo(existing.displayName());
		assertThat(after.lastLoginAt()).isNotNull();
	}

	@Test
	void deactivatedUserIsRefused() throws Exception {
		UserSummary user = fixtures.user(Role.EMPLOYEE);
		identity.setActive(user.id(), false);

		Browser browser = new Browser();
		HttpResponse<String> end = browser.signInThroughIdp("sub-" + UUID.randomUUID(), user.email(), "Deactivated", true);

		assertThat(end.uri().getPath()).isEqualTo("/login");
		assertThat(end.uri().getQuery()).isEqualTo("oidc-error");
		assertThat(end.body()).contains("role=\"alert\"").doesNotContain("class=\"who\"");
		assertThat(browser.getWithoutRedirects("/").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));

		UserSummary after = identity.user(user.id()).orElseThrow();
		assertThat(after.active()).isFalse();
		assertThat(after.lastLoginAt()).isNull();
		assertThat(identity.users().stream().filter(u -> u.email().equalsIgnoreCase(user.email()))).hasSize(1);
	}

	@Test
	void unverifiedEmailIsRefused() throws Exception {
		String email = Fixtures.uniqueEmail("oidc-unverified");

		Browser browser = new Browser();
		HttpResponse<String> end = browser.signInThroughIdp("sub-" + UUID.randomUUID(), email, "Unverified", false);

		assertThat(end.uri().getPath()).isEqualTo("/login");
		assertThat(end.uri().getQuery()).isEqualTo("oidc-error");
		assertThat(browser.getWithoutRedirects("/").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
		assertThat(userWithEmail(email)).isEmpty();
	}

	private Optional<UserSummary> userWithEmail(String email) {
		return identity.users().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
	}

	/** A browser: one cookie jar, shared by a client that follows redirects and one that does not. */
	private final class Browser {

		private final CookieManager cookies = new CookieManager();
		private final HttpClient following = HttpClient.newBuilder().cookieHandler(cookies)
				.followRedirects(Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5)).build();
		private final HttpClient notFollowing = HttpClient.newBuilder().cookieHandler(cookies)
				.followRedirects(Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5)).build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return following.send(request(path), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> getWithoutRedirects(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = notFollowing.send(request(path), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(302);
			return response;
		}

		/**
		 * app /oauth2/authorization/corp -> provider's authorize endpoint (127.0.0.1) -> app
		 * /login/oauth2/code/corp -> wherever the app sends the user. Returns the last response.
		 */
		HttpResponse<String> signInThroughIdp(String subject, String email, String name, boolean emailVerified)
				throws IOException, InterruptedException {
			Map<String, Object> claims = new HashMap<>();
			claims.put("email", email);
			claims.put("name", name);
			claims.put("email_verified", emailVerified);
			assertThat(IDP.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(),
					List.of("charter"), claims, 3600))).isTrue();
			HttpResponse<String> end = get("/oauth2/authorization/corp");
			// Every hop really happened: the provider was visited and the app handled its callback.
			List<String> hops = hops(end);
			assertThat(hops).anySatisfy(h -> assertThat(h).startsWith(issuerUri() + "/authorize"));
			assertThat(hops).anySatisfy(h -> assertThat(h).startsWith(base() + "/login/oauth2/code/corp?"));
			return end;
		}

		private List<String> hops(HttpResponse<?> end) {
			List<String> uris = new java.util.ArrayList<>();
			for (Optional<? extends HttpResponse<?>> r = Optional.of(end); r.isPresent(); r = r.get().previousResponse()) {
				uris.add(0, r.get().uri().toString());
			}
			return uris;
		}

		private HttpRequest request(String path) {
			return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20)).GET().build();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
