package io.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives {@code kill -9}: Charter runs on an H2 file in a child JVM, answers
 * 25 token creations with 201, is killed with SIGKILL right after the last answer, and every one of
 * the 25 tokens is in the file afterwards. Then Charter starts again on the same file.
 */
class DurabilityTests {

	private static final String ADMIN_EMAIL = "durable@example.test";
	private static final String ADMIN_PASSWORD = "steady-keeper-password";
	private static final int WRITES = 25;
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	@TempDir
	Path dir;

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void stopChildren() throws InterruptedException {
		for (Process child : children) {
			child.destroyForcibly();
			child.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void acknowledgedWritesSurviveKillMinus9() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("charter").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

		// First life: 25 acknowledged writes, then SIGKILL.
		int port = freePort();
		Process first = start(url, port, dir.resolve("first.log"));
		awaitReady(first, port, dir.resolve("first.log"));
		Session session = signIn(port);
		String csrf = csrfFrom(session.get("/tokens"), "/tokens");
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= WRITES; i++) {
			HttpResponse<String> created = session.postJson("/api/v1/tokens", csrf,
					"{\"name\":\"durable-" + i + "\",\"roles\":[\"ADMIN\"],\"expiresInDays\":30}");
			assertThat(created.statusCode()).as("POST /api/v1/tokens #%d: %s", i, created.body()).isEqualTo(201);
			Matcher id = ID.matcher(created.body());
			assertThat(id.find()).as("token id in %s", created.body()).isTrue();
			ids.add(id.group(1).toLowerCase());
		}
		// Right after the 25th acknowledgement. kill -9 sends SIGKILL: no shutdown hook, no graceful close.
		Process kill = Runtime.getRuntime().exec(new String[] { "kill", "-9", String.valueOf(first.pid()) });
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(kill.exitValue()).as("kill -9 exit code").isZero();
		assertThat(first.waitFor(20, TimeUnit.SECONDS)).as("child exited after SIGKILL").isTrue();
		assertThat(first.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);

		// The file, read directly: every acknowledged token is there.
		assertThat(new HashSet<>(ids)).hasSize(WRITES);
		Set<String> stored = new HashSet<>();
		try (Connection db = DriverManager.getConnection(url, "sa", "");
				PreparedStatement query = db.prepareStatement("select id, name from api_token where name like 'durable-%'");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				stored.add(rows.getString("id").toLowerCase());
			}
		}
		assertThat(stored).containsExactlyInAnyOrderElementsOf(ids);

		// Second life on the same file: ready again, and the administrator can still sign in.
		int secondPort = freePort();
		Process second = start(url, secondPort, dir.resolve("second.log"));
		awaitReady(second, secondPort, dir.resolve("second.log"));
		Session again = signIn(secondPort);
		HttpResponse<String> list = again.get("/api/v1/tokens");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(ids);
	}

	/** Charter in its own JVM, on the test class path, with explicit arguments (they beat the environment). */
	private Process start(String url, int port, Path log) throws IOException {
		String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"io.charter.CharterApplication",
				"--server.port=" + port,
				"--spring.datasource.url=" + url,
				"--spring.datasource.username=sa",
				"--spring.datasource.password=",
				"--charter.identity.admin-email=" + ADMIN_EMAIL,
				"--charter.identity.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Process process = builder.start();
		children.add(process);
		return process;
	}

	private static void awaitReady(Process child, int port, Path log) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5)).GET().build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		int last = -1;
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw new AssertionError("Charter exited with " + child.exitValue() + " before it was ready:\n" + tail(log));
			}
			try {
				last = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (last == 200) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// keep waiting
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Charter not ready within 90 s (last status " + last + "):\n" + tail(log));
	}

	private static Session signIn(int port) throws Exception {
		Session session = new Session("http://localhost:" + port);
		String csrf = csrfFrom(session.get("/login"), "/login");
		HttpResponse<String> home = session.postForm("/login", "username=" + enc(ADMIN_EMAIL) + "&password="
				+ enc(ADMIN_PASSWORD) + "&_csrf=" + enc(csrf));
		assertThat(home.uri().getPath()).as("page after sign-in").isEqualTo("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("<span class=\"who\">Administrator</span>");
		return session;
	}

	private static String csrfFrom(HttpResponse<String> page, String path) {
		assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
		Matcher m = CSRF.matcher(page.body());
		assertThat(m.find()).as("_csrf field on %s", path).isTrue();
		return m.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	/** A browser session: cookie jar, redirects followed. */
	private static final class Session {

		private final String base;
		private final HttpClient client;

		Session(String base) {
			this.base = base;
			this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(Redirect.NORMAL)
					.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(builder(path).GET().build());
		}

		HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
			return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)).build());
		}

		HttpResponse<String> postJson(String path, String csrf, String json) throws IOException, InterruptedException {
			return send(builder(path).header("Content-Type", "application/json").header("Accept", "application/json")
					.header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(json)).build());
		}

		private HttpRequest.Builder builder(String path) {
			return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		}

		private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}
}
