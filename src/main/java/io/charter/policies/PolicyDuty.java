package io.charter.policies;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;

/**
 * Acknowledging the current version of one policy document, for every active person (its scope).
 * Done once the person acknowledged the last published version; due within the settings' period of
 * its publication or of the person's start, whichever is later.
 */
final class PolicyDuty implements Duty {

	private final PolicyDocuments.Document document;
	private final String documentId;
	private final PolicyDocuments documents;
	private final Acknowledgements acknowledgements;
	private final Directory directory;
	private final PolicySettings settings;
	private final ZoneId zone;

	PolicyDuty(PolicyDocuments.Document document, PolicyDocuments documents, Acknowledgements acknowledgements,
			Directory directory, PolicySettings settings, ZoneId zone) {
		this.document = document;
		this.documentId = document.id();
		this.documents = documents;
		this.acknowledgements = acknowledgements;
		this.directory = directory;
		this.settings = settings;
		this.zone = zone;
	}

	@Override
	public String id() {
		return "policy-" + documentId;
	}

	/** A key of the bundle for the shipped document; for one written in the console, its title ({@link PolicyTitles}). */
	@Override
	public String titleKey() {
		return "policies.duty." + documentId;
	}

	PolicyDocuments.Document document() {
		return document;
	}

	/** The clauses written with the document in the console; for the shipped one, those its text marks. */
	@Override
	public Set<String> clauses() {
		if (!document.clauses().isEmpty()) {
			return document.clauses();
		}
		return documents.current(documentId).map(v -> PolicyText.clauses(v.markdown())).orElse(Set.of());
	}

	@Override
	public Map<UUID, Standing> standings(Collection<UUID> people, LocalDate today) {
		Optional<PolicyVersion> current = documents.current(documentId);
		if (current.isEmpty() || people.isEmpty()) {
			return Map.of();
		}
		PolicyVersion version = current.get();
		LocalDate published = version.publishedAt().atZone(zone).toLocalDate();
		Map<UUID, Acknowledgements.Acknowledgement> latest = acknowledgements.latest(documentId, people);
		Map<UUID, Standing> standings = new HashMap<>();
		for (PersonSummary person : directory.people(people).values()) {
			if (!person.active()) {
				continue;
			}
			Acknowledgements.Acknowledgement last = latest.get(person.id());
			LocalDate doneOn = last == null ? null : last.at().atZone(zone).toLocalDate();
			if (last != null && last.version() == version.number()) {
				standings.put(person.id(), new Standing(State.DONE, doneOn, null));
				continue;
			}
			LocalDate from = person.startDate() != null && person.startDate().isAfter(published) ? person.startDate() : published;
			LocalDate dueBy = from.plus(settings.acknowledgeWithin());
			standings.put(person.id(), new Standing(today.isAfter(dueBy) ? State.OVERDUE : State.DUE, doneOn, dueBy));
		}
		return standings;
	}

	@Override
	public String actionPath() {
		return "/me/policies/" + documentId;
	}
}
