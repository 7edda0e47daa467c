package io.charter.notify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message to send.
 *
 * @param to recipient address
 * @param template name of a template under {@code mail/} (e.g. {@code invitation})
 * @param language en, fr or nl; others fall back to en
 * @param params values for the template's {@code {{placeholders}}}; never a secret
 * @param links one-time links for the template's body placeholders, kept apart from the other
 *        values so that the outbox masks exactly their secrets (a subject cannot hold one)
 * @param attachments files sent with the message (a calendar invitation), kept with it in the outbox
 */
public record Mail(String to, String template, String language, Map<String, String> params,
		Map<String, OneTimeLink> links, List<Attachment> attachments) {

	public Mail {
		links = links == null ? Map.of() : Map.copyOf(links);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/** A message with one-time links and no attachment. */
	public Mail(String to, String template, String language, Map<String, String> params,
			Map<String, OneTimeLink> links) {
		this(to, template, language, params, links, List.of());
	}

	/** This message with a file attached. */
	public Mail with(Attachment attachment) {
		List<Attachment> all = new ArrayList<>(attachments);
		all.add(attachment);
		return new Mail(to, template, language, params, links, all);
	}

	/**
	 * A file sent with a message.
	 *
	 * @param contentType its MIME type, parameters included ({@code text/calendar; method=REQUEST})
	 */
	public record Attachment(String filename, String contentType, byte[] content) {

		public Attachment {
			Objects.requireNonNull(filename, "filename");
			Objects.requireNonNull(contentType, "contentType");
			content = content.clone();
		}

		@Override
		public byte[] content() {
			return content.clone();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Attachment a && filename.equals(a.filename) && contentType.equals(a.contentType)
					&& Arrays.equals(content, a.content);
		}

		@Override
		public int hashCode() {
			return Objects.hash(filename, contentType, Arrays.hashCode(content));
		}

		@Override
		public String toString() {
			return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes]";
		}
	}

	/** A message without one-time links. */
	public Mail(String to, String template, String language, Map<String, String> params) {
		this(to, template, language, params, Map.of());
	}
}
