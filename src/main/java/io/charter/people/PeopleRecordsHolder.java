package io.charter.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * The directory's answer to data-subject requests, by e-mail address. Erasure anonymises the row
 * rather than deleting it: training and acknowledgement records keep pointing at it.
 */
@Component
class PeopleRecordsHolder implements PersonalDataHolder {

	private final People people;
	private final DirectoryChanges changes;
	private final MessageSource messages;

	PeopleRecordsHolder(People people, DirectoryChanges changes, MessageSource messages) {
		this.people = people;
		this.changes = changes;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "people";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		if (people.findByEmail(subject.email()).isEmpty()) {
			return Holding.none();
		}
		Locale locale = subject.locale();
		return new Holding(1, text("people.holding.purposes", locale), text("people.holding.categories", locale),
				text("people.holding.recipients", locale), text("people.holding.retention", locale),
				text("people.holding.source", locale));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		return people.findByEmail(subject.email()).map(p -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", p.name());
			row.put("email", p.email());
			row.put("employeeId", p.employeeId());
			row.put("kind", p.kind().name());
			row.put("department", p.department());
			row.put("managerId", p.managerId() == null ? null : p.managerId().toString());
			row.put("startDate", p.startDate() == null ? null : p.startDate().toString());
			row.put("endDate", p.endDate() == null ? null : p.endDate().toString());
			row.put("status", p.status().name());
			row.put("language", p.language());
			return List.of(new Dataset("people-directory", List.of(row)));
		}).orElse(List.of());
	}

	@Override
	@Transactional
	public Outcome erase(DataSubject subject) {
		return people.findByEmail(subject.email()).map(p -> {
			changes.anonymise(p.id(), "anonymised for request " + subject.requestId());
			return Outcome.partly(1, "Directory entry anonymised (name, e-mail, employee id, department); its dates stay"
					+ " as the subject of training and acknowledgement records.")
					.saying("people.erasure.letter");
		}).orElseGet(Outcome::nothingHeld);
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		return people.findByEmail(subject.email()).isPresent()
				? Outcome.notApplicable("The directory is needed to manage the employment or contract; restriction is handled by HR.")
				: Outcome.nothingHeld();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
