package io.charter.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/**
	 * A piece of the body as the page shows it: text, or an address to follow.
	 *
	 * @param href where the piece leads; null for text, and for a one-time link, whose secret is masked
	 */
	public record BodyPart(String text, String href) {
	}

	private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"]+");

	/**
	 * The body cut into text and the addresses in it that can be followed. A one-time link stays
	 * text: masked, it would lead nowhere. Punctuation that ends a sentence is not part of an address.
	 */
	public List<BodyPart> bodyParts() {
		List<BodyPart> parts = new ArrayList<>();
		Matcher address = ADDRESS.matcher(body == null ? "" : body);
		int from = 0;
		while (address.find()) {
			String href = address.group().replaceFirst("[.,;:!?)\\]]+$", "");
			int end = address.start() + href.length();
			parts.add(new BodyPart(body.substring(from, address.start()), null));
			parts.add(new BodyPart(href, href.contains(OneTimeLink.MASK) ? null : href));
			from = end;
		}
		parts.add(new BodyPart(body == null ? "" : body.substring(from), null));
		return parts.stream().filter(part -> !part.text().isEmpty()).toList();
	}

	OutboxMessage withLinks(List<Link> links) {
		return new OutboxMessage(id, createdAt, recipient, subject, body, template, language, status, attempts, lastError,
				sentAt, List.copyOf(links));
	}
}
