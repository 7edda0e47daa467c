package io.charter.rights.web;

import java.time.Instant;
import java.util.Map;

/**
 * A line of a request's history, as staff see it.
 *
 * @param actor a pseudonymous actor ({@code user:<id>}, {@code system}, {@code requester})
 * @param kind the step's verb, which the page words in the reader's language
 * @param summary the line as recorded, in English: the evidence the audit trail also holds
 * @param text the words of the note, letter or answer; null for plain transitions
 * @param actorName the actor's name for those allowed to see it; null when unknown or erased
 */
public record HistoryEntry(Instant at, String actor, String kind, String summary, String text, String actorName) {

	public HistoryEntry(Instant at, String actor, String kind, String summary, String text) {
		this(at, actor, kind, summary, text, null);
	}

	/** The same line with its actor named, if the given names know it. */
	public HistoryEntry named(Map<String, String> names) {
		return new HistoryEntry(at, actor, kind, summary, text, names.get(actor));
	}
}
