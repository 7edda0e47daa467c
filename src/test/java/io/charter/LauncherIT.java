package io.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * README's run command ends in {@code bin/charter}: run against the packaged jar (this is an
 * integration test, after {@code package}). The first start records the class-data archive and
 * serves; the second maps it, with {@code -Xshare:on} ({@code -XX:AOTMode=on} for the AOT cache of
 * Java 24 and newer) so that the JVM refuses to start if the archive cannot be used, and serves
 * again on the same database. Both run the ahead-of-time processed application context, where
 * SMTP and OIDC, configured only when Charter starts, must still work, and where a setting the
 * build fixed is refused rather than ignored.
 */
class LauncherIT {

	private static final String OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m";

	/** Refuses to start without the archive: bin/charter records an AOT cache on Java 24 or newer, which takes its own flag. */
	private static final String ARCHIVE_REQUIRED = Runtime.version().feature() >= 24 ? "-XX:AOTMode=on" : "-Xshare:on";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Shared by the tests, so that the class-data archive is recorded once. */
	@TempDir
	static Path launch;

	@TempDir
	Path work;

	/**
	 * One test for both starts, so that the second (from the archive) is also the one configured
	 * only at start: a JVM start less than a test for each.
	 */
	@Test
	void startsRecordsTheArchiveThenStartsFromItSendingMailAndOfferingOidcConfiguredOnlyAtStart() throws Exception {
		String first = assertServes(start(OPTS, Map.of()));
		try (Stream<Path> files = Files.list(launch)) {
			assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("charter-aot-true-\\d+\\.(jsa|aot)"));
		}
		assertThat(launch.resolve("app/charter.jar")).exists();
		assertThat(work.resolve("data/charter.mv.db")).as("the database is in the working directory").exists();
		assertThat(first).contains("Starting AOT-processed CharterApplication");

		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		MockOAuth2Server idp = new MockOAuth2Server();
		smtp.start();
		idp.start(InetAddress.getByName("127.0.0.1"), 0);
		try {
			String issuer = idp.issuerUrl("corp").newBuilder().host("127.0.0.1").build().toString();
			Started started = start(OPTS + " " + ARCHIVE_REQUIRED, Map.of("SPRING_MAIL_HOST", "127.0.0.1",
					"SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
					"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_CLIENT_ID", "charter",
					"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_CLIENT_SECRET", "secret",
					"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_SCOPE", "openid,email",
					"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORP_CLIENT_NAME", "Corp SSO",
					"SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CORP_ISSUER_URI", issuer));
			String second = assertServes(started, () -> {
				HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
				String base = "http://127.0.0.1:" + started.port();
				assertThat(body(browser, base + "/login")).contains("Corp SSO", "/oauth2/authorization/corp");
				HttpResponse<Void> authorize = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/corp"))
					.build(), HttpResponse.BodyHandlers.discarding());
				assertThat(authorize.statusCode()).isEqualTo(302);
				assertThat(authorize.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(issuer));

				// A data-subject request from the public form: its confirmation goes out over SMTP.
				Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body(browser, base + "/privacy/requests"));
				assertThat(csrf.find()).isTrue();
				String form = "type=ACCESS&name=Rita+Requester&email=rita%40charter.test&visitorId=&details=&website=&_csrf="
						+ csrf.group(1);
				HttpResponse<Void> sent = browser.send(HttpRequest.newBuilder(URI.create(base + "/privacy/requests"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
				assertThat(sent.statusCode()).isEqualTo(302);
				assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the confirmation reached the SMTP server").isTrue();
				assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("rita@charter.test");
			});
			assertThat(second).doesNotContain("recording the class-data archive").contains("Starting AOT-processed");
		}
		finally {
			idp.shutdown();
			smtp.stop();
		}
	}

	@Test
	void refusesASettingTheBuildFixed() throws Exception {
		Started started = start(OPTS, Map.of("MANAGEMENT_SERVER_PORT", "0"));
		assertThat(started.process().waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(started.process().exitValue()).isNotZero();
		assertThat(Files.readString(started.log())).contains("management.server.port", "CHARTER_AOT=false");
	}

	private Started start(String javaOpts, Map<String, String> settings) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile(work, "charter", ".log");
		ProcessBuilder builder = new ProcessBuilder(new File("bin/charter").getAbsolutePath(), "--server.port=" + port)
			.directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		// The embedded database in the working directory, whatever the suite runs on.
		List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD").forEach(env::remove);
		env.put("CHARTER_JAR", new File("target/charter.jar").getAbsolutePath());
		env.put("CHARTER_LAUNCH_DIR", launch.toString());
		env.put("JAVA_OPTS", javaOpts);
		env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		env.put("CHARTER_ADMIN_EMAIL", "launcher@charter.test");
		env.put("CHARTER_ADMIN_PASSWORD", "start-check-password-0123");
		env.putAll(settings);
		return new Started(builder.start(), port, log);
	}

	private String assertServes(Started started) throws Exception {
		return assertServes(started, () -> {
		});
	}

	/** Waits for readiness and the sign-in page, runs the checks, stops Charter, and returns what it printed. */
	private String assertServes(Started started, Checks checks) throws Exception {
		try {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
			int status = 0;
			while (Instant.now().isBefore(deadline) && started.process().isAlive()) {
				status = get(started.port(), "/actuator/health/readiness");
				if (status == 200) {
					break;
				}
				Thread.sleep(250);
			}
			assertThat(status).as(Files.readString(started.log())).isEqualTo(200);
			assertThat(get(started.port(), "/login")).isEqualTo(200);
			checks.run();
		}
		finally {
			started.process().destroy();
			if (!started.process().waitFor(60, TimeUnit.SECONDS)) {
				started.process().destroyForcibly();
			}
		}
		return Files.readString(started.log());
	}

	private int get(int port, String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return 0;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static String body(HttpClient client, String url) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

	private interface Checks {
		void run() throws Exception;
	}

	private record Started(Process process, int port, Path log) {
	}
}
