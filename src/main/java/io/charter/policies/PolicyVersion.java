package io.charter.policies;

import java.time.Instant;


/**
 * One version of a policy document. Its Markdown never changes once published; {@code sha256} is the
 * SHA-256 of that Markdown (UTF-8), the text a person acknowledges.
 */
record PolicyVersion(String documentId, int number, String markdown, String sha256, Status status, Instant createdAt,
		Instant publishedAt) {

	enum Status {
		DRAFT, PUBLISHED
	}

	boolean published() {
		return status == Status.PUBLISHED;
	}
}
