package io.charter.rights.web;

import java.time.Instant;

/**
 * A line of a request's history, as staff see it.
 *
 * @param actor a pseudonymous actor ({@code user:<id>}, {@code system}, {@code requester})
 * @param text the words of the note, letter or answer; null for plain transitions
 */
public record HistoryEntry(Instant at, String actor, String kind, String summary, String text) {
}
