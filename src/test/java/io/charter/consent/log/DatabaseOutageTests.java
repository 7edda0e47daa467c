package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import io.charter.CharterApplication;

/**
 * The database goes away under load-bearing public paths, and comes back (issue 9, finding 4):
 * the banner's resources are still served from memory, fast; a site not in memory yet gets a fast
 * 503; consent writes get 503 with Retry-After within the write timeout; readiness says DOWN within
 * 2 s; within 5 s of the database's return writes are acknowledged again and readiness is UP; and
 * every record acknowledged (201) before, during or after is in the database.
 *
 * <p>On PostgreSQL, Charter talks to the test database through {@link FlakyLink}, which the test
 * cuts twice: connections reset and refused (the database stopped), then a black hole (a dead
 * network: nothing answers, nothing says so). On H2 there is no network to cut: the embedded
 * database's file is made unwritable ({@link FullDisk}, "No space left on device"), which is how an
 * embedded database fails, and the writes must answer 503 and recover when the disk does.
 *
 * <p>Each runs one Charter of its own, with short timeouts, on the database of the run.
 */
@Tag("database")
class DatabaseOutageTests {

	/**
	 * Answered without waiting for the database: well under the pool's 5-second connection timeout,
	 * with room for a loaded test machine.
	 */
	private static final Duration FROM_MEMORY = Duration.ofSeconds(3);


	static final Duration WRITE_TIMEOUT = Duration.ofMillis(1500);
	static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(500);
	static final Duration REFRESH = Duration.ofMillis(800);
	/**
	 * Tomcat looks for timed-out asynchronous requests once a second, so a 503 that waited for the
	 * write timeout may come up to 1 s after it; and a second more for a busy machine.
	 */
	static final Duration WRITE_ANSWER = WRITE_TIMEOUT.plusSeconds(2);

	@TempDir
	Path dir;

	ConfigurableApplicationContext charter;
	FlakyLink link;
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
	final List<String> acknowledged = new ArrayList<>();
	/** The slowest time of each kind, printed at the end of each outage (they go into the report). */
	final Map<String, Duration> slowest = new LinkedHashMap<>();

	@AfterEach
	void stop() throws Exception {
		if (charter != null) {
			charter.close();
		}
		if (link != null) {
			link.close();
		}
		FullDisk.free();
	}

	@Test
	void aPostgreSqlOutageNeitherStallsTheBannerNorLosesAConsent() throws Exception {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		assumeTrue(url != null && url.startsWith("jdbc:postgresql://"), "runs on the PostgreSQL run (proxy in front of it)");
		URI database = URI.create(url.substring("jdbc:".length()));
		link = new FlakyLink(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
		start("jdbc:postgresql://127.0.0.1:" + link.port() + database.getRawPath()
				+ (database.getRawQuery() == null ? "" : "?" + database.getRawQuery()),
				System.getenv("SPRING_DATASOURCE_USERNAME"), Optional.ofNullable(System.getenv("SPRING_DATASOURCE_PASSWORD")).orElse(""));

		outage("refused", link::refuse, link::restore, true, Duration.ofSeconds(4));
		outage("black hole", link::blackHole, link::restore, true, Duration.ofMillis(5500));
	}

	@Test
	void aFullDiskUnderH2AnswersWrites503AndRecovers() throws Exception {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		assumeTrue(url == null || url.startsWith("jdbc:h2:"), "runs on the H2 run (an embedded database file)");
		FullDisk.register();
		start("jdbc:h2:full:" + dir.resolve("charter").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;TRACE_LEVEL_FILE=0", "sa", "");

		// H2 still reads a full disk: readiness may stay UP and a new site may still be read.
		outage("disk full", FullDisk::fill, FullDisk::free, false, Duration.ofMillis(5500));
	}

	/**
	 * Cuts the database, checks every public path answers fast, restores it, and checks the recovery.
	 *
	 * @param unreachable whether reads fail too (readiness DOWN, a site not in memory answered 503)
	 * @param second when, after the cut, the second round of requests comes
	 */
	private void outage(String name, Cut cut, Cut restore, boolean unreachable, Duration second) throws Exception {
		acknowledged.clear();
		slowest.clear();
		JdbcClient jdbc = charter.getBean(JdbcClient.class);
		ConsentLogSites sites = new ConsentLogSites(jdbc, charter.getBean(JsonMapper.class));
		String site = sites.site();
		String unseen = sites.site();
		String script = "/c/" + site + "/banner.js";
		String config = "/c/" + site + "/config.json?lang=nl";
		String version = "/c/" + site + "/v/1/config.fr.json";
		String etag = get(script).headers().firstValue("ETag").orElseThrow();
		assertThat(get(config).statusCode()).isEqualTo(200);
		assertThat(get(version).statusCode()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			assertThat(post(site).statusCode()).as(name + ": before").isEqualTo(201);
		}

		cut.run();
		long cutAt = System.nanoTime();
		for (int round = 0; round < 2; round++) {
			Timed<HttpResponse<String>> js = timed("banner.js", () -> get(script));
			assertThat(js.value().statusCode()).as(name + ": banner.js during the outage").isEqualTo(200);
			assertThat(js.value().headers().firstValue("ETag")).hasValue(etag);
			assertThat(js.took()).as(name + ": banner.js answered from memory").isLessThan(FROM_MEMORY);
			assertThat(timed("config.json", () -> get(config)).took()).as(name + ": config.json").isLessThan(FROM_MEMORY);
			assertThat(timed("versioned config", () -> get(version))).as(name + ": versioned config")
					.satisfies(t -> assertThat(t.value().statusCode()).isEqualTo(200))
					.satisfies(t -> assertThat(t.took()).isLessThan(FROM_MEMORY));

			Timed<HttpResponse<String>> write = timed("consent 503", () -> post(site));
			assertThat(write.value().statusCode()).as(name + ": a consent during the outage: " + write.value().body())
					.isEqualTo(503);
			assertThat(write.value().headers().firstValue("Retry-After")).as(name).hasValue("1");
			assertThat(write.value().headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(write.took()).as(name + ": consent answered within the write timeout")
					.isLessThan(WRITE_ANSWER);
			if (unreachable) {
				Timed<HttpResponse<String>> ready = timed("readiness DOWN", () -> get("/actuator/health/readiness"));
				assertThat(ready.value().statusCode()).as(name + ": readiness " + ready.value().body()).isEqualTo(503);
				assertThat(ready.took()).as(name + ": readiness DOWN").isLessThan(Duration.ofSeconds(2));

				Timed<HttpResponse<String>> cold = timed("site not in memory 503", () -> get("/c/" + unseen + "/banner.js"));
				assertThat(cold.value().statusCode()).as(name + ": a site not in memory").isEqualTo(503);
				assertThat(cold.value().headers().firstValue("Retry-After")).hasValue("1");
				assertThat(cold.took()).as(name + ": a site not in memory, answered fast")
						.isLessThan(LOOKUP_TIMEOUT.plusSeconds(1));
				assertThat(get("/c/" + unseen + "/config.json").headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/problem+json"));
			}
			// Again once what is in memory is past its re-read time (REFRESH, and the default 5 s but for
			// the refused database: the pool's reconnect back-off doubles up to 5 s, docs/configuration.md):
			// still served, from memory, while the re-reads fail.
			if (round == 0) {
				sleepUntil(cutAt + second.toNanos());
			}
		}

		restore.run();
		long restoredAt = System.nanoTime();
		slowest.put("consent 201 again", awaitStatus(() -> post(site), 201, restoredAt, name + ": consents acknowledged again"));
		if (unreachable) {
			slowest.put("readiness UP again", awaitStatus(() -> get("/actuator/health/readiness"), 200, restoredAt,
					name + ": readiness UP again"));
			slowest.put("site not in memory 200 again", awaitStatus(() -> get("/c/" + unseen + "/banner.js"), 200,
					restoredAt, name + ": a site not in memory, read again"));
		}
		System.out.println("Database outage (" + name + "), slowest answers; after the restore, time from it: " + slowest.entrySet()
				.stream().map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").collect(Collectors.joining(", ")));
		assertThat(post(site).statusCode()).as(name + ": and the next one").isEqualTo(201);

		List<String> stored = jdbc.sql("select cast(r.id as varchar(36)) from consent_record r join consent_site s on s.id = r.site_id"
				+ " where s.site_key = :site").param("site", site).query(String.class).list();
		assertThat(stored).as(name + ": every acknowledged record is stored").containsAll(acknowledged);
	}

	private void start(String url, String username, String password) {
		charter = new SpringApplicationBuilder(CharterApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password,
				"--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.connection-timeout=1000",
				"--spring.datasource.hikari.validation-timeout=500",
				"--charter.consent.write-timeout=" + WRITE_TIMEOUT.toMillis() + "ms",
				"--charter.consent.lookup-timeout=" + LOOKUP_TIMEOUT.toMillis() + "ms",
				"--charter.consent.declaration-refresh=" + REFRESH.toMillis() + "ms",
				"--charter.consent.rate-limit-per-minute=1000000", "--charter.health.database-timeout=1s",
				"--charter.scheduling.enabled=false", "--spring.jmx.enabled=false");
	}

	private String base() {
		return "http://127.0.0.1:" + charter.getEnvironment().getProperty("local.server.port");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A consent; an acknowledged one is remembered, to be found in the database at the end. */
	private HttpResponse<String> post(String site) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/c/" + site + "/consents"))
				.header("Content-Type", "text/plain;charset=UTF-8").header("Origin", ConsentLogSites.ORIGIN)
				.header("User-Agent", ConsentLogApiTests.FIREFOX).timeout(Duration.ofSeconds(20))
				.POST(HttpRequest.BodyPublishers.ofString(ConsentLogSites.body(ConsentLogSites.visitor()))).build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() == 201) {
			String id = charter.getBean(JsonMapper.class).readTree(answer.body()).get("consentId").asString();
			acknowledged.add(UUID.fromString(id).toString());
		}
		return answer;
	}

	/** Asks until the status comes; it must come within 5 s of the restore. How long it took. */
	private static Duration awaitStatus(Callable<HttpResponse<String>> ask, int status, long restoredAt, String what)
			throws Exception {
		int last;
		do {
			last = ask.call().statusCode();
			if (last == status) {
				break;
			}
			Thread.sleep(50);
		}
		while (System.nanoTime() - restoredAt < Duration.ofSeconds(8).toNanos());
		Duration took = Duration.ofNanos(System.nanoTime() - restoredAt);
		assertThat(last).as(what + " (last answer after " + took.toMillis() + " ms)").isEqualTo(status);
		assertThat(took).as(what + " within 5 s of the restore").isLessThan(Duration.ofSeconds(5));
		return took;
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
		}
	}

	private <T> Timed<T> timed(String what, Callable<T> call) throws Exception {
		long start = System.nanoTime();
		T value = call.call();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		slowest.merge(what, took, (a, b) -> a.compareTo(b) >= 0 ? a : b);
		return new Timed<>(value, took);
	}

	private record Timed<T>(T value, Duration took) {
	}

	@FunctionalInterface
	private interface Cut {
		void run() throws Exception;
	}
}
