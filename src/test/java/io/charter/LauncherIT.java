package io.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's run command ends in {@code bin/charter}: run against the packaged jar (this is an
 * integration test, after {@code package}). The first start records the class-data archive and
 * serves; the second maps it, with {@code -Xshare:on} so that the JVM refuses to start if the
 * archive cannot be used, and serves again on the same database.
 */
class LauncherIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path work;

	@Test
	void startsRecordsTheArchiveAndStartsAgainFromIt() throws Exception {
		Path launch = work.resolve("launch");
		assertServes(start(launch, "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"));
		try (Stream<Path> files = Files.list(launch)) {
			assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("charter-\\d+\\.jsa"));
		}
		assertThat(launch.resolve("app/charter.jar")).exists();
		assertThat(work.resolve("data/charter.mv.db")).as("the database is in the working directory").exists();

		String second = assertServes(start(launch, "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xshare:on"));
		assertThat(second).doesNotContain("recording the class-data archive");
	}

	private Started start(Path launch, String javaOpts) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile(work, "charter", ".log");
		ProcessBuilder builder = new ProcessBuilder(new File("bin/charter").getAbsolutePath(), "--server.port=" + port,
				"--charter.scheduling.enabled=false")
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
		env.put("CHARTER_ADMIN_PASSWORD", "launcher-password-0123");
		return new Started(builder.start(), port, log);
	}

	/** Waits for readiness and the sign-in page, stops Charter, and returns what it printed. */
	private String assertServes(Started started) throws Exception {
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

	private record Started(Process process, int port, Path log) {
	}
}
