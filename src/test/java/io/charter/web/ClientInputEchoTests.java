package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import io.charter.Fixtures;
import io.charter.shared.Role;

/**
 * What a client sends never reaches the log or comes back in an error answer: a malformed header
 * or path value is refused naming the parameter, not quoting it. Over the real port, in the same
 * context as {@link RequestFuzzTests}.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ClientInputEchoTests {

	static final String VICTIM = "john.doe@example.com";

	@LocalServerPort
	int port;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	@Test
	void aMalformedContentTypeOrPathValueIsNeitherLoggedNorEchoed(CapturedOutput output) throws Exception {
		HttpResponse<String> type = send(at("/api/v1/rights/callbacks/00000000-0000-0000-0000-000000000000")
				.header("Content-Type", "text/plain;victim=" + VICTIM).POST(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(type.statusCode()).isEqualTo(415);
		assertThat(type.body()).doesNotContain(VICTIM);

		HttpResponse<String> path = send(at("/api/v1/rights/callbacks/" + VICTIM).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(path.statusCode()).isEqualTo(400);
		// The instance is the path asked for (RFC 9457); the detail names the parameter, not its value.
		assertThat(json.readTree(path.body()).get("detail").asString()).isEqualTo("Invalid path value for taskId");

		HttpResponse<String> page = send(at("/kiosk/visits/not-a-uuid-" + VICTIM + "/check-in").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(page.statusCode()).isLessThan(500);
		assertThat(page.body()).doesNotContain(VICTIM);

		assertThat(output.getAll()).doesNotContain(VICTIM);
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFoundAndOpensNoSession() throws Exception {
		HttpResponse<String> error = send(at("/error").header("Accept", "text/html"));
		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(error.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void aScimQueryParameterThatDoesNotParseIsAnInvalidValue() throws Exception {
		String admin = "Bearer " + fixtures.tokenFor(Role.ADMIN);
		String body = send(at("/api/v1/people/scim-credentials").header("Authorization", admin).header("Content-Type",
				"application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"echo " + UUID.randomUUID() + "\"}")))
				.body();
		String secret = json.readTree(body).get("secret").asString();
		for (String query : new String[] { "count=abc", "count=99999999999999999999", "startIndex=abc" }) {
			HttpResponse<String> users = send(at("/scim/v2/Users?" + query).header("Authorization", "Bearer " + secret));
			assertThat(users.statusCode()).as(query).isEqualTo(400);
			assertThat(users.body()).as(query).contains("\"scimType\":\"invalidValue\"").doesNotContain("abc");
		}
	}

	@Test
	void aMissingCsrfTokenIsSaidNotBlamedOnRoles() throws Exception {
		for (String path : new String[] { "/api/v1/tokens", "/login" }) {
			HttpResponse<String> refused = send(at(path).header("Content-Type", "application/json")
					.header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(refused.body()).as(path).contains("CSRF token is missing or invalid").doesNotContain("roles");
		}
	}
}
