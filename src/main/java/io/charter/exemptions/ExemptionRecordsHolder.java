package io.charter.exemptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PeopleEvent.PersonAnonymised;
import io.charter.people.PersonSummary;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * The exemptions asked for a person answer data-subject requests, found by the person's e-mail
 * address in the directory. Erasure takes the person and their free text off the rows and keeps the
 * rows and their decisions: they are the evidence of the security team's written consent.
 */
@Component
class ExemptionRecordsHolder implements PersonalDataHolder {

	private final Directory directory;
	private final Exemptions exemptions;
	private final Decisions decisions;
	private final MessageSource messages;

	ExemptionRecordsHolder(Directory directory, Exemptions exemptions, Decisions decisions, MessageSource messages) {
		this.directory = directory;
		this.exemptions = exemptions;
		this.decisions = decisions;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "exemptions";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		int records = records(subject).size();
		if (records == 0) {
			return Holding.none();
		}
		Locale locale = subject.locale();
		return new Holding(records, text("exemptions.holding.purposes", locale),
				text("exemptions.holding.categories", locale), text("exemptions.holding.recipients", locale),
				text("exemptions.holding.retention", locale), text("exemptions.holding.source", locale));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		List<Map<String, Object>> rows = records(subject).stream().map(e -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("clause", e.clause());
			row.put("check", e.check());
			row.put("subject", e.subject().kind().name());
			row.put("reason", e.reason());
			row.put("compensatingMeasures", e.compensating());
			row.put("from", e.startsOn().toString());
			row.put("until", e.endsOn().toString());
			row.put("status", e.status().name());
			row.put("requestedAt", e.requestedAt().toString());
			row.put("endedReason", e.endedReason());
			row.put("decisions", decisions.of(e.id()).stream()
					.map(d -> Map.of("outcome", d.outcome().name(), "text", d.text(), "decidedAt",
							d.decidedAt().toString()))
					.toList());
			return row;
		}).toList();
		return rows.isEmpty() ? List.of() : List.of(new Dataset("exemptions", rows));
	}

	@Override
	@Transactional
	public Outcome erase(DataSubject subject) {
		return directory.byEmail(subject.email()).map(person -> {
			int rows = exemptions.anonymise(person.id());
			return rows == 0 ? Outcome.nothingHeld()
					: Outcome.partly(rows, "Exemptions anonymised: the rows and the security team's decisions stay as"
							+ " evidence of the consent given, without the person or their reasons.")
							.saying("exemptions.erasure.letter");
		}).orElseGet(Outcome::nothingHeld);
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		return records(subject).isEmpty() ? Outcome.nothingHeld()
				: Outcome.notApplicable("An exemption is the security team's record of its consent; restriction is"
						+ " handled by revoking it.");
	}

	/** The directory anonymised the person: their exemptions lose them in the same transaction. */
	@EventListener
	void anonymised(PersonAnonymised event) {
		exemptions.anonymise(event.personId());
	}

	private List<Exemption> records(DataSubject subject) {
		return directory.byEmail(subject.email()).map(PersonSummary::id).map(exemptions::ofPerson)
				.orElse(List.of());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
