package io.charter.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in the outbox.
 *
 * @param status PENDING (to send), SENT, FAILED (gave up after retries), HELD (no SMTP configured)
 */
public record OutboxMessage(UUID id, Instant createdAt, String recipient, String subject, String body,
		String template, String language, String status, int attempts, String lastError, Instant sentAt) {
}
