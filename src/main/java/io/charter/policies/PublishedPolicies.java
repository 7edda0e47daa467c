package io.charter.policies;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The published text of a policy for other modules to show: the compliance page renders it with
 * each marked clause's status beside it. Only the current published version, already sanitised.
 */
@Component
public class PublishedPolicies {

	/**
	 * A document's current version: its HTML marks clauses with {@code id="clause-S1"} on a
	 * {@code section} or {@code span}.
	 */
	public record PublishedPolicy(String documentId, String title, int version, String html, String sha256) {
	}

	private final PolicyDocuments documents;

	PublishedPolicies(PolicyDocuments documents) {
		this.documents = documents;
	}

	/** The document's current published version, or empty when it has none (or no such document). */
	public Optional<PublishedPolicy> current(String documentId) {
		return documents.document(documentId).flatMap(d -> documents.current(documentId).map(v -> new PublishedPolicy(
				documentId, d.title(), v.number(), PolicyText.html(v.markdown()), v.sha256())));
	}
}
