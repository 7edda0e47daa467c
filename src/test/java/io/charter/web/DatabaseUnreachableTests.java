package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.charter.CharterApplication;
import io.charter.Fixtures;
import io.charter.shared.Role;

/**
 * The database stops (its server goes away: connections reset, new ones refused) under the staff
 * paths: every kind of answer is a 503 with Retry-After in its usual form (problem details for the
 * API, SCIM's error format, the error page), and sign-in says the service is unavailable instead of
 * blaming the password. The database is an H2 server of the test's own, which the test stops: one
 * Charter of its own, with a short pool timeout, on whichever database lane runs it.
 */
@Tag("database")
class DatabaseUnreachableTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	Path dir;

	Server database;
	ConfigurableApplicationContext charter;

	@AfterEach
	void stop() {
		if (charter != null) {
			charter.close();
		}
		if (database != null) {
			database.stop();
		}
	}

	@Test
	void everyPathAnswers503WithRetryAfterWhileTheDatabaseIsDown() throws Exception {
		database = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
		charter = new SpringApplicationBuilder(CharterApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:tcp://localhost:" + database.getPort()
						+ "/charter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--spring.datasource.hikari.connection-timeout=1000", "--spring.datasource.hikari.validation-timeout=500",
				"--charter.health.database-timeout=1s", "--charter.scheduling.enabled=false", "--spring.jmx.enabled=false");
		String base = "http://127.0.0.1:" + charter.getEnvironment().getProperty("local.server.port");
		Fixtures fixtures = charter.getBean(Fixtures.class);
		String token = fixtures.tokenFor(Role.ADMIN);
		String email = fixtures.user(Role.ADMIN).email();
		HttpClient signedIn = client();
		assertThat(signIn(signedIn, base, email).headers().firstValue("Location")).hasValueSatisfying(
				to -> assertThat(to).doesNotContain("/login"));
		HttpResponse<String> issued = send(client(), HttpRequest.newBuilder(URI.create(base + "/api/v1/people/scim-credentials"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"outage\"}")));
		Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
		assertThat(secret.find()).as(issued.body()).isTrue();
		HttpClient visitor = client();
		String csrf = csrf(visitor, base);

		database.stop();

		HttpResponse<String> api = send(client(), HttpRequest.newBuilder(URI.create(base + "/api/v1/people"))
				.header("Authorization", "Bearer " + token));
		assertUnavailable(api, "application/problem+json");
		HttpResponse<String> scim = send(client(), HttpRequest.newBuilder(URI.create(base + "/scim/v2/Users"))
				.header("Authorization", "Bearer " + secret.group(1)));
		assertUnavailable(scim, "application/scim+json");
		assertThat(scim.body()).contains("\"status\":\"503\"");
		HttpResponse<String> page = send(signedIn, HttpRequest.newBuilder(URI.create(base + "/admin/users"))
				.header("Accept", "text/html"));
		assertUnavailable(page, "text/html");
		assertThat(page.body()).contains("temporarily unavailable");
		HttpResponse<String> apiBySession = send(signedIn, HttpRequest.newBuilder(URI.create(base + "/api/v1/people")));
		assertUnavailable(apiBySession, "application/problem+json");

		HttpResponse<String> login = send(visitor, HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(email, csrf))));
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?unavailable"));
		assertThat(send(visitor, HttpRequest.newBuilder(URI.create(base + "/login?unavailable"))).body())
				.contains("temporarily unavailable").doesNotContain("Check your e-mail and password");
	}

	private static void assertUnavailable(HttpResponse<String> response, String type) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).as(response.uri().toString()).hasValue("5");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(type));
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
		return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(HttpClient client, String base) throws Exception {
		Matcher token = CSRF.matcher(send(client, HttpRequest.newBuilder(URI.create(base + "/login"))).body());
		assertThat(token.find()).as("the login form's CSRF token").isTrue();
		return token.group(1);
	}

	private static HttpResponse<String> signIn(HttpClient client, String base, String email) throws Exception {
		return send(client, HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(email, csrf(client, base)))));
	}

	private static String form(String email, String csrf) {
		return "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
	}
}
