package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.charter.Fixtures;
import io.charter.shared.Role;

/**
 * Input a signed-in API client can send that Charter once answered with a 500: over real HTTP on
 * Tomcat, because some of it (a Content-Type without a charset) never reaches MockMvc as sent.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiProblemsTests {

	@LocalServerPort
	int port;
	@Autowired
	Fixtures fixtures;
	@Value("${spring.datasource.url}")
	String database;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> send(String method, String path, String token, String contentType, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void aWildcardContentTypeIsUnsupportedNotAFailure() throws Exception {
		String admin = fixtures.tokenFor(Role.ADMIN);
		for (String type : new String[] { "*/*", "application/*" }) {
			HttpResponse<String> response = send("POST", "/api/v1/tokens", admin, type, "{\"name\": \"t\", \"roles\": [\"ADMIN\"]}");
			assertProblem(response, 415);
			assertThat(response.headers().firstValue("Accept")).hasValue("application/json");
		}
		String privacy = fixtures.tokenFor(Role.PRIVACY);
		assertProblem(send("PUT", "/api/v1/consent/sites/wegroup-be/banner-texts", privacy, "*/*", "{\"en\": {\"title\": \"T\"}}"), 415);
	}

	@Test
	void aMultipartBodyIsUnsupportedEvenWithoutItsBoundary() throws Exception {
		String admin = fixtures.tokenFor(Role.ADMIN);
		assertProblem(send("POST", "/api/v1/tokens", admin, "multipart/form-data", "name=t"), 415);
	}

	@Test
	void aDateBeyondTheCalendarIsABadRequest() throws Exception {
		String auditor = fixtures.tokenFor(Role.AUDITOR);
		assertProblem(send("GET", "/api/v1/consent/sites/wegroup-be/statistics?to=%2B999999999-12-31", auditor, null, null), 400);
	}

	/** PostgreSQL does not store U+0000 in text; H2 does. Either way it is not a server failure. */
	@Test
	void aNulCharacterIsStoredOrRefusedNeverAFailure() throws Exception {
		String privacy = fixtures.tokenFor(Role.PRIVACY);
		String key = "nul-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = send("POST", "/api/v1/consent/sites", privacy, "application/json", """
				{"key": "%s", "name": "Nul\\u0000site", "languages": ["en"], "defaultLanguage": "en"}"""
				.formatted(key));
		if (database.startsWith("jdbc:postgresql:")) {
			assertProblem(response, 400);
		}
		else {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		}
	}
}
