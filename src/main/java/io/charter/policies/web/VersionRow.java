package io.charter.policies.web;

import java.time.Instant;

/** A version in the document's list; {@code publishedAt} is null for the draft. */
public record VersionRow(int number, boolean published, Instant createdAt, Instant publishedAt, String sha256,
		int acknowledgements) {
}
