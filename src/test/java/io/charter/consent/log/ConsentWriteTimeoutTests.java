package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * A consent whose commit does not come within the write timeout is answered 503 with Retry-After,
 * and the database, once it lets the write through, still commits it (the banner's retry then makes
 * a second record, as docs/consent-log.md says). The test stalls the writer for real: another
 * connection holds the table (PostgreSQL) or the whole database (H2's exclusive mode).
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "charter.consent.write-timeout=700ms")
class ConsentWriteTimeoutTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	DataSource dataSource;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aConsentNotCommittedInTimeIsAnswered503AndCommittedWhenTheDatabaseAllows() throws Exception {
		String site = new ConsentLogSites(jdbc, json).site();
		// Warms the site's caches, so that the stalled request waits only for its commit.
		assertThat(post(site, ConsentLogSites.visitor()).statusCode()).isEqualTo(201);

		String visitor = ConsentLogSites.visitor();
		HttpResponse<String> answer;
		try (Connection holder = dataSource.getConnection(); Statement sql = holder.createStatement()) {
			boolean h2 = holder.getMetaData().getDatabaseProductName().startsWith("H2");
			if (h2) {
				sql.execute("SET EXCLUSIVE 1");
			}
			else {
				holder.setAutoCommit(false);
				sql.execute("LOCK TABLE consent_record IN ACCESS EXCLUSIVE MODE");
			}
			try {
				answer = post(site, visitor);
			}
			finally {
				if (h2) {
					sql.execute("SET EXCLUSIVE 0");
				}
				else {
					holder.rollback();
					holder.setAutoCommit(true);
				}
			}
		}
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(answer.body()).get("status").asInt()).isEqualTo(503);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
			.sql("select count(*) from consent_record where visitor_id = :v").param("v", visitor).query(Long.class).single())
			.as("committed once the database let it through").isEqualTo(1));
		assertThat(post(site, ConsentLogSites.visitor()).statusCode()).as("the writer goes on").isEqualTo(201);
	}

	private HttpResponse<String> post(String site, String visitor) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/c/" + site + "/consents"))
			.header("Content-Type", "text/plain;charset=UTF-8").header("Origin", ConsentLogSites.ORIGIN)
			.header("User-Agent", ConsentLogApiTests.FIREFOX)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(ConsentLogSites.body(visitor))).build(), HttpResponse.BodyHandlers.ofString());
	}
}
