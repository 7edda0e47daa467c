package io.charter.policies;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.platform.Secrets;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/** Writing, publishing and acknowledging versions. */
@Service
class PolicySteps {

	private final PolicyDocuments documents;
	private final Acknowledgements acknowledgements;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PolicySteps(PolicyDocuments documents, Acknowledgements acknowledgements, ApplicationEventPublisher events,
			Clock clock) {
		this.documents = documents;
		this.acknowledgements = acknowledgements;
		this.events = events;
		this.clock = clock;
	}

	/** The SHA-256 (hex) of the Markdown's UTF-8 bytes: the text of record a person acknowledges. */
	static String sha256(String markdown) {
		return Secrets.sha256(markdown.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes the document's one draft, creating it as the next version when there is none. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public int saveDraft(String documentId, String markdown) {
		documents.existing(documentId);
		if (markdown == null || markdown.isBlank()) {
			throw new RuleViolation("markdown", "empty");
		}
		String text = markdown.replace("\r\n", "\n");
		Instant now = clock.instant();
		int number = documents.draft(documentId).map(d -> {
			documents.replaceDraft(documentId, d.number(), text, sha256(text));
			return d.number();
		}).orElseGet(() -> {
			int next = documents.nextNumber(documentId);
			documents.insertDraft(documentId, next, text, sha256(text), Actors.current(), now);
			return next;
		});
		events.publishEvent(new PolicyEvent.DraftSaved(documentId, number, Actors.current(), now));
		return number;
	}

	/** Publishes the draft: from now on every person in scope is asked to acknowledge it. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public void publish(String documentId, int number) {
		PolicyVersion draft = documents.draft(documentId).filter(d -> d.number() == number)
				.orElseThrow(() -> new RuleViolation("version", "not-a-draft"));
		Instant now = clock.instant();
		if (!documents.publish(documentId, number, Actors.current(), now)) {
			throw new RuleViolation("version", "not-a-draft");
		}
		events.publishEvent(new PolicyEvent.VersionPublished(documentId, number, draft.sha256(), Actors.current(), now));
	}

	/**
	 * Records that the person read the version whose text hashed to {@code shownSha256}. Refused when
	 * that is no longer the current version's text (a new version was published meanwhile); a second
	 * submit of the same acknowledgement changes nothing.
	 *
	 * @return true when recorded now, false when it already was
	 */
	@Transactional
	public boolean acknowledge(String documentId, UUID person, int version, String shownSha256) {
		PolicyVersion current = documents.current(documentId).orElseThrow(() -> new NotFound("Unknown policy " + documentId));
		if (current.number() != version || !current.sha256().equals(shownSha256)) {
			throw new RuleViolation("version", "changed");
		}
		Instant now = clock.instant();
		boolean recorded = acknowledgements.record(documentId, version, person, current.sha256(), now);
		if (recorded) {
			events.publishEvent(new PolicyEvent.Acknowledged(documentId, version, person, current.sha256(),
					Actors.current(), now));
		}
		return recorded;
	}
}
