package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** One source may record only so many consents a minute; the next get 429 with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "charter.consent.rate-limit-per-minute=3")
class ConsentRateLimitTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;

	@Test
	void refusesTheFourthRecordOfAMinuteFromOneSourceWith429() throws Exception {
		ConsentLogSites sites = new ConsentLogSites(jdbc, json);
		String site = sites.site();
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> last = null;
		for (int i = 0; i < 4; i++) {
			last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/c/" + site + "/consents"))
					.header("Content-Type", "text/plain").header("Origin", ConsentLogSites.ORIGIN)
					.POST(HttpRequest.BodyPublishers.ofString(ConsentLogSites.body(ConsentLogSites.visitor()))).build(),
					HttpResponse.BodyHandlers.ofString());
			if (i < 3) {
				assertThat(last.statusCode()).as(last.body()).isEqualTo(201);
			}
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
		assertThat(last.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ConsentLogSites.ORIGIN);
		assertThat(last.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
				h -> assertThat(h).contains("Retry-After"));
		assertThat(sites.records(site)).isEqualTo(3);
	}
}
