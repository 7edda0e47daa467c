package io.charter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.platform.Utc;
import io.charter.shared.WebhookSignature;

/** Webhook deliveries through a real HTTP receiver: stored with the sender's commit, signed, retried, given up. */
class WebhooksTests extends NotifyTestBase {

	@Autowired
	Webhooks webhooks;
	@Autowired
	WebhookDispatcher dispatcher;
	@Autowired
	WebhookAttention attention;
	@Autowired
	TestWebhookReceiver receiver;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate tx;

	@Test
	void aFailedDeliveryIsRetriedLaterWithTheSameBodySignedAgain() {
		receiver.status.set(503);
		String marker = UUID.randomUUID().toString();
		UUID id = tx.execute(s -> webhooks.post(TestWebhookReceiver.NAME, Map.of("marker", marker))).orElseThrow();

		// Posted right after the commit (or, while another dispatch holds the cluster lock, by the next
		// one); the receiver's 503 makes it wait for the first retry.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
			dispatcher.dispatch();
			return attempts(id) == 1;
		});
		Row row = row(id);
		assertThat(row.lastError()).isEqualTo("HTTP 503");
		assertThat(row.deliveredAt()).isNull();
		assertThat(Duration.between(row.createdAt(), row.nextAttemptAt())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(40));

		// The wait is over: the next dispatch posts it again, and the receiver now takes it.
		receiver.status.set(204);
		jdbc.sql("update notify_webhook set next_attempt_at = created_at where id = :id").param("id", id).update();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			dispatcher.dispatch();
			return row(id).deliveredAt() != null;
		});
		assertThat(attempts(id)).isEqualTo(2);
		assertThat(row(id).nextAttemptAt()).isNull();
		var mine = receiver.received.stream()
				.filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(marker)).toList();
		assertThat(mine).hasSize(2);
		assertThat(mine.get(1).body()).isEqualTo(mine.get(0).body());
		assertThat(new String(mine.get(0).body(), StandardCharsets.UTF_8)).startsWith("{\"deliveryId\":\"" + id + "\"");
		for (var r : mine) {
			assertThat(WebhookSignature.valid(TestWebhookReceiver.SECRET, r.headers().getFirst(WebhookSignature.TIMESTAMP),
					r.headers().getFirst(WebhookSignature.SIGNATURE), r.body(), Instant.now(), Duration.ofMinutes(5)))
					.isTrue();
			assertThat(WebhookSignature.valid("another-secret", r.headers().getFirst(WebhookSignature.TIMESTAMP),
					r.headers().getFirst(WebhookSignature.SIGNATURE), r.body(), Instant.now(), Duration.ofMinutes(5)))
					.isFalse();
		}
	}

	@Test
	void aDeliveryIsGivenUpAfterTheLastAttemptAndShownToAdministrators() {
		receiver.status.set(500);
		UUID id = tx.execute(s -> webhooks.post(TestWebhookReceiver.NAME, Map.of("marker", "give-up"))).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			dispatcher.dispatch();
			return attempts(id) >= 1;
		});
		// As if every earlier attempt had failed too: one left.
		jdbc.sql("update notify_webhook set attempts = 11, next_attempt_at = created_at where id = :id").param("id", id)
				.update();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			dispatcher.dispatch();
			return row(id).gaveUpAt() != null;
		});
		assertThat(attempts(id)).isEqualTo(12);
		assertThat(row(id).nextAttemptAt()).isNull();
		assertThat(attention.notices()).singleElement()
				.satisfies(n -> assertThat(n.messageKey()).isEqualTo("notify.attention.webhooks-failed"));
		receiver.status.set(204);
	}

	@Test
	void nothingIsStoredOutsideATransaction() {
		assertThatThrownBy(() -> webhooks.post(TestWebhookReceiver.NAME, Map.of()))
				.isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> tx.execute(s -> webhooks.post("no-such-endpoint", Map.of())))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theWaitDoublesUpToTheLongest() {
		WebhookSettings settings = new WebhookSettings(12, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(10));
		assertThat(settings.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.waitAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.waitAfter(5)).isEqualTo(Duration.ofMinutes(8));
		assertThat(settings.waitAfter(11)).isEqualTo(Duration.ofHours(1));
	}

	record Row(int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Instant gaveUpAt,
			String lastError) {
	}

	private int attempts(UUID id) {
		return row(id).attempts();
	}

	private Row row(UUID id) {
		return jdbc.sql("select * from notify_webhook where id = :id").param("id", id)
				.query((rs, n) -> new Row(rs.getInt("attempts"), Utc.instant(rs, "created_at"),
						Utc.instant(rs, "next_attempt_at"), Utc.instant(rs, "delivered_at"), Utc.instant(rs, "gave_up_at"),
						rs.getString("last_error")))
				.single();
	}
}
