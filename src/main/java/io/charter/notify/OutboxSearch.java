package io.charter.notify;

import java.util.List;
import java.util.Locale;

/**
 * What a reader of the outbox looks for: words in the recipient or subject, a status, a template.
 * Blank means any; a status the outbox does not know means any, rather than an error page.
 */
public record OutboxSearch(String text, String status, String template) {

	/** The statuses a message goes through, in the order the filter lists them. */
	public static final List<String> STATUSES = List.of("PENDING", "HELD", "SENT", "FAILED");

	public OutboxSearch {
		text = blankToNull(text);
		status = blankToNull(status) == null ? null : status.strip().toUpperCase(Locale.ROOT);
		if (status != null && !STATUSES.contains(status)) {
			status = null;
		}
		template = blankToNull(template);
	}

	/** Whether anything narrows the list. */
	public boolean narrows() {
		return text != null || status != null || template != null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
