package io.charter.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.charter.platform.LinkState;

/**
 * A message in the outbox as its readers see it: one-time links are masked in the body and listed
 * with what became of them.
 *
 * @param status PENDING (to send), SENT, FAILED (gave up after retries), HELD (no SMTP configured)
 */
public record OutboxMessage(UUID id, Instant createdAt, String recipient, String subject, String body,
		String template, String language, String status, int attempts, String lastError, Instant sentAt,
		List<Link> links) {

	/**
	 * A one-time link of the message.
	 *
	 * @param address the link with its secret masked
	 * @param state what became of it; null when its issuer no longer knows it (e.g. an erased account)
	 */
	public record Link(String address, LinkState state) {

		/** The message key that names the state. */
		public String stateKey() {
			return "outbox.link." + (state == null ? "unknown" : state.name().toLowerCase(java.util.Locale.ROOT));
		}
	}

	OutboxMessage withLinks(List<Link> links) {
		return new OutboxMessage(id, createdAt, recipient, subject, body, template, language, status, attempts, lastError,
				sentAt, List.copyOf(links));
	}
}
