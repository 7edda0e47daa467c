package io.charter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.charter.shared.WebhookSignature;

class AuditCheckpointUnitTests {

	static final Instant AT = Instant.parse("2026-12-07T08:30:00.123456Z");
	static final String HASH = "ab".repeat(32);
	static final String WEBHOOK_SECRET = "webhook-secret-webhook-secret-webhook";

	@TempDir
	Path dir;

	AuditSettings settings(String key, URI webhook) {
		return new AuditSettings(key, dir.resolve("data/audit-checkpoint.key"), dir.resolve("checkpoints"),
				Duration.ofHours(1), webhook, webhook == null ? null : WEBHOOK_SECRET);
	}

	@Test
	void theFirstStartCreatesAnOwnerOnlyKeyFileThatLaterStartsReuse() throws IOException {
		AuditCheckpoint checkpoint = new CheckpointKey(settings(null, null)).sign(7, HASH, AT);
		Path file = dir.resolve("data/audit-checkpoint.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(AuditSettings.MIN_SECRET);
		assertThat(new CheckpointKey(settings(null, null)).signed(checkpoint)).isTrue();
	}

	@Test
	void theKeySettingIsUsedInsteadOfAFileAndTheFileTextWorksAsTheSetting() throws IOException {
		String key = "a-checkpoint-key-given-as-a-setting-1234";
		AuditCheckpoint checkpoint = new CheckpointKey(settings(key, null)).sign(7, HASH, AT);
		assertThat(dir.resolve("data")).doesNotExist();
		assertThat(new CheckpointKey(settings("another-checkpoint-key-given-as-a-setting", null)).signed(checkpoint)).isFalse();

		AuditCheckpoint fromFile = new CheckpointKey(settings(null, null)).sign(7, HASH, AT);
		String copied = Files.readString(dir.resolve("data/audit-checkpoint.key"));
		assertThat(new CheckpointKey(settings(copied, null)).signed(fromFile)).isTrue();
	}

	@Test
	void theSignatureCoversEveryField() {
		CheckpointKey key = new CheckpointKey(settings("a-checkpoint-key-given-as-a-setting-1234", null));
		AuditCheckpoint c = key.sign(7, HASH, AT);
		assertThat(key.signed(c)).isTrue();
		assertThat(key.signed(new AuditCheckpoint(8, c.hash(), c.at(), c.mac()))).isFalse();
		assertThat(key.signed(new AuditCheckpoint(7, "cd".repeat(32), c.at(), c.mac()))).isFalse();
		assertThat(key.signed(new AuditCheckpoint(7, c.hash(), AT.plusNanos(1000), c.mac()))).isFalse();
		assertThat(key.signed(new AuditCheckpoint(7, c.hash(), c.at(), null))).isFalse();
	}

	@Test
	void shortKeysAndUnsignedWebhooksAreRefusedAtStart() {
		assertThatThrownBy(() -> settings("too-short", null)).isExactlyInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("checkpoint-key");
		assertThatThrownBy(() -> new AuditSettings(null, dir.resolve("k"), dir, Duration.ofHours(1),
				URI.create("https://receiver.example/checkpoints"), "short")).isExactlyInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("checkpoint-webhook-secret");
	}

	@Test
	void theWebhookGetsTheLineSignedWithItsOwnSecret() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		CompletableFuture<String[]> received = new CompletableFuture<>();
		server.createContext("/checkpoints", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			received.complete(new String[] { exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP),
					exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE), new String(body, StandardCharsets.UTF_8) });
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.createContext("/broken", exchange -> {
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			String line = "{\"seq\":7,\"hash\":\"" + HASH + "\",\"at\":\"" + AT + "\",\"mac\":\"00\"}";
			new CheckpointWebhook(settings(null, URI.create(base + "/checkpoints")), Clock.systemUTC()).deliver(line);
			String[] delivery = received.get(10, TimeUnit.SECONDS);
			assertThat(delivery[2]).isEqualTo(line);
			assertThat(WebhookSignature.valid(WEBHOOK_SECRET, delivery[0], delivery[1], line.getBytes(StandardCharsets.UTF_8),
					Instant.now(), Duration.ofMinutes(1))).isTrue();
			assertThatThrownBy(() -> new CheckpointWebhook(settings(null, URI.create(base + "/broken")), Clock.systemUTC())
					.deliver(line)).isExactlyInstanceOf(IOException.class).hasMessageContaining("500");
		}
		finally {
			server.stop(0);
		}
	}
}
