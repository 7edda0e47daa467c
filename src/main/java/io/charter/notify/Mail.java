package io.charter.notify;

import java.util.Map;

/**
 * A message to send.
 *
 * @param to recipient address
 * @param template name of a template under {@code mail/} (e.g. {@code invitation})
 * @param language en, fr or nl; others fall back to en
 * @param params values for the template's {@code {{placeholders}}}; never a secret
 * @param links one-time links for the template's body placeholders, kept apart from the other
 *        values so that the outbox masks exactly their secrets (a subject cannot hold one)
 */
public record Mail(String to, String template, String language, Map<String, String> params,
		Map<String, OneTimeLink> links) {

	public Mail {
		links = links == null ? Map.of() : Map.copyOf(links);
	}

	/** A message without one-time links. */
	public Mail(String to, String template, String language, Map<String, String> params) {
		this(to, template, language, params, Map.of());
	}
}
