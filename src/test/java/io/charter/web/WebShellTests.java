package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.charter.Fixtures;
import io.charter.shared.MessageBundle;
import io.charter.shared.Role;

/** The shell as a browser and an API client meet it, over real HTTP on Tomcat. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebShellTests {

	@LocalServerPort
	int port;
	@Autowired
	Fixtures fixtures;
	@Autowired
	List<MessageBundle> bundles;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			b.headers(headers);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> postForm(String path, String form, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
		if (headers.length > 0) {
			b.headers(headers);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF field").isTrue();
		return m.group(1);
	}

	void signIn(String email, String password) throws Exception {
		String token = csrf(get("/login").body());
		HttpResponse<String> r = postForm("/login", "username=" + email + "&password=" + password + "&_csrf=" + token);
		assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		HttpResponse<String> login = get("/login");
		String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		// Templates keep to the policy: no inline script, style or event handler.
		assertThat(login.body()).doesNotContain("<script>", "style=", " onclick=", " onload=");
	}

	@Test
	void sessionCookieIsHttpOnlyAndLaxAndNotSecureOnAClientsWord() throws Exception {
		String plain = get("/login").headers().allValues("Set-Cookie").stream()
				.filter(c -> c.startsWith("CHARTER_SESSION=")).findFirst().orElseThrow();
		assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		// X-Forwarded-Proto counts only from a configured proxy (ContainerEdgeTests), none by default.
		HttpClient fresh = HttpClient.newHttpClient();
		String claimed = fresh.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString())
				.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CHARTER_SESSION=")).findFirst()
				.orElseThrow();
		assertThat(claimed).contains("HttpOnly").doesNotContain("Secure");
	}

	@Test
	void browsersGetChartersOwnErrorPage() throws Exception {
		signIn(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		HttpResponse<String> missing = get("/no/such/page", "Accept", "text/html");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Something went wrong", "This page does not exist.")
				.doesNotContain("Whitelabel", "Exception", "at org.");
	}

	@Test
	void apiErrorsAreProblemDetails() throws Exception {
		String token = fixtures.tokenFor(Role.EMPLOYEE);
		HttpResponse<String> missing = get("/api/v1/no-such-thing", "Authorization", "Bearer " + token, "Accept",
				"text/html");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(missing.body()).contains("\"status\":404");

		HttpResponse<String> badJson = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": [")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badJson.statusCode()).isEqualTo(400);
		assertThat(badJson.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(badJson.body()).doesNotContain("at tools.", "at org.", "Exception");

		HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
				.header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void speaksTheBrowsersLanguageOrTheOneChosen() throws Exception {
		assertThat(get("/login", "Accept-Language", "fr-BE,fr;q=0.9").body()).contains("<html lang=\"fr\"", "Connexion");
		assertThat(get("/login", "Accept-Language", "nl-BE").body()).contains("Aanmelden");
		assertThat(get("/login", "Accept-Language", "de-DE").body()).contains("<html lang=\"en\"", "Sign in");
		assertThat(get("/login", "Accept-Language", "%%garbage").statusCode()).isEqualTo(200);
		assertThat(get("/login?lang=nl", "Accept-Language", "fr").body()).contains("Aanmelden");
		// The choice sticks for the session.
		assertThat(get("/login", "Accept-Language", "fr").body()).contains("Aanmelden");
	}

	@Test
	void navigationFollowsRoles() throws Exception {
		signIn(fixtures.user(Role.EMPLOYEE).email(), Fixtures.PASSWORD);
		String employee = get("/").body();
		assertThat(employee).contains("href=\"/profile\"").doesNotContain("href=\"/admin/users\"", "href=\"/audit\"",
				"href=\"/consent\"", "href=\"/rights\"");
		signIn(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
		assertThat(get("/").body()).contains("href=\"/admin/users\"", "href=\"/audit\"", "href=\"/admin/outbox\"",
				"href=\"/consent\"", "href=\"/rights\"");
	}

	@Test
	void healthIsPublicMetricsAreNot() throws Exception {
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "Authorization", "Bearer " + fixtures.tokenFor(Role.EMPLOYEE)).statusCode())
				.isEqualTo(403);
		HttpResponse<String> metrics = get("/actuator/prometheus", "Authorization", "Bearer " + fixtures.tokenFor(Role.ADMIN));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void publishesTheOpenApiDocument() throws Exception {
		HttpResponse<String> doc = get("/v3/api-docs");
		assertThat(doc.statusCode()).isEqualTo(200);
		assertThat(doc.body()).contains("\"/api/v1/tokens\"", "\"/api/v1/audit/verify\"");
	}

	@Test
	void everyLanguageHasEveryMessage() throws Exception {
		List<String> contributed = bundles.stream().map(MessageBundle::basename).toList();
		assertThat(contributed).contains("i18n/identity", "i18n/audit", "i18n/notify", "i18n/catalogue",
				"i18n/consent-log", "i18n/rights");
		for (String bundle : Stream.concat(Stream.of("messages"), contributed.stream()).toList()) {
			Set<Object> english = load(bundle + ".properties").keySet();
			for (String lang : List.of("_fr", "_nl")) {
				assertThat(load(bundle + lang + ".properties").keySet()).as(bundle + lang)
						.containsExactlyInAnyOrderElementsOf(english);
			}
		}
	}

	static Properties load(String name) throws Exception {
		Properties p = new Properties();
		try (InputStream in = WebShellTests.class.getResourceAsStream("/" + name)) {
			p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return p;
	}
}
