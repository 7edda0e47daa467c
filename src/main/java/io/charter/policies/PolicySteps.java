package io.charter.policies;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
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

	/** A document's key: lower-case words joined by hyphens, part of its paths and its duty's id. */
	static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** A clause id as the compliance table names them (S1-S8, C1-C7). */
	static final Pattern CLAUSE = Pattern.compile("[A-Z]{1,3}[0-9]{1,3}");

	private static final int MAX_KEY = 48;

	private static final int MAX_TITLE = 200;

	/**
	 * Creates a document and its first version as a draft, in one transaction: nothing is kept when a
	 * field is refused or the key is taken. Publishing that draft (the version flow) asks it of people.
	 *
	 * @param clauses clause ids separated by commas or spaces
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public int createDocument(String key, String titleEn, String titleFr, String titleNl, String clauses,
			boolean acknowledgementRequired, String markdown) {
		Map<String, String> errors = new LinkedHashMap<>();
		String id = key == null ? "" : key.strip();
		if (id.isEmpty()) {
			errors.put("key", "policies.new.error.key-empty");
		}
		else if (id.length() > MAX_KEY || !KEY.matcher(id).matches() || id.equals("new")) {
			errors.put("key", "policies.new.error.key-format");
		}
		else if (documents.exists(id)) {
			errors.put("key", "policies.new.error.key-taken");
		}
		title(errors, "titleEn", titleEn);
		title(errors, "titleFr", titleFr);
		title(errors, "titleNl", titleNl);
		Set<String> served = new TreeSet<>();
		for (String clause : (clauses == null ? "" : clauses).split("[,;\\s]+")) {
			if (!clause.isBlank()) {
				served.add(clause.strip().toUpperCase(java.util.Locale.ROOT));
			}
		}
		if (served.isEmpty()) {
			errors.put("clauses", "policies.new.error.clauses-empty");
		}
		else if (!served.stream().allMatch(c -> CLAUSE.matcher(c).matches()) || String.join(",", served).length() > 200) {
			errors.put("clauses", "policies.new.error.clauses-format");
		}
		if (markdown == null || markdown.isBlank()) {
			errors.put("markdown", "policies.draft.empty");
		}
		if (!errors.isEmpty()) {
			throw new InvalidDocument(errors);
		}
		Instant now = clock.instant();
		try {
			documents.insert(new PolicyDocuments.NewDocument(id, titleEn.strip(), titleFr.strip(), titleNl.strip(), served,
					acknowledgementRequired), now);
		}
		catch (DuplicateKeyException taken) {
			// Created by someone else since the check above.
			throw new InvalidDocument(Map.of("key", "policies.new.error.key-taken"));
		}
		events.publishEvent(new PolicyEvent.DocumentCreated(id, titleEn.strip(), List.copyOf(served),
				acknowledgementRequired, Actors.current(), now));
		return saveDraft(id, markdown);
	}

	/**
	 * Retires a document: no longer asked of anyone, reminded or reported; every version and
	 * acknowledgement stays. False when it already was retired.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public boolean retire(String documentId) {
		documents.existing(documentId);
		Instant now = clock.instant();
		if (!documents.retire(documentId, now)) {
			return false;
		}
		events.publishEvent(new PolicyEvent.DocumentRetired(documentId, Actors.current(), now));
		return true;
	}

	private static void title(Map<String, String> errors, String field, String title) {
		if (title == null || title.isBlank()) {
			errors.put(field, "policies.new.error.title-empty");
		}
		else if (title.strip().length() > MAX_TITLE) {
			errors.put(field, "policies.new.error.title-long");
		}
	}

	/** The SHA-256 (hex) of the Markdown's UTF-8 bytes: the text of record a person acknowledges. */
	static String sha256(String markdown) {
		return Secrets.sha256(markdown.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes the document's one draft, creating it as the next version when there is none. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public int saveDraft(String documentId, String markdown) {
		if (documents.existing(documentId).retired()) {
			throw new RuleViolation("document", "retired");
		}
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
		if (documents.existing(documentId).retired()) {
			throw new RuleViolation("document", "retired");
		}
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
