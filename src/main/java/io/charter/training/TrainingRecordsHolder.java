package io.charter.training;

import java.time.Clock;
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
 * Enrolments and attendance answer data-subject requests, found by the person's e-mail address in
 * the directory. Erasure takes the person off the rows and keeps the rows, so each session's
 * counts of places and attendance stay true.
 */
@Component
class TrainingRecordsHolder implements PersonalDataHolder {

	private final Directory directory;
	private final Enrolments enrolments;
	private final Sessions sessions;
	private final MessageSource messages;
	private final Clock clock;

	TrainingRecordsHolder(Directory directory, Enrolments enrolments, Sessions sessions, MessageSource messages,
			Clock clock) {
		this.directory = directory;
		this.enrolments = enrolments;
		this.sessions = sessions;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "training";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		int records = records(subject).size();
		if (records == 0) {
			return Holding.none();
		}
		Locale locale = subject.locale();
		return new Holding(records, text("training.holding.purposes", locale), text("training.holding.categories", locale),
				text("training.holding.recipients", locale), text("training.holding.retention", locale),
				text("training.holding.source", locale));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		List<Map<String, Object>> rows = records(subject).stream().map(e -> {
			Map<String, Object> row = new LinkedHashMap<>();
			Session s = sessions.find(e.sessionId()).orElse(null);
			row.put("session", s == null ? null : s.title());
			row.put("startsAt", s == null ? null : s.startsAt().toString());
			row.put("status", e.status().name());
			row.put("attended", e.attended());
			row.put("enrolledAt", e.enrolledAt().toString());
			return row;
		}).toList();
		return rows.isEmpty() ? List.of() : List.of(new Dataset("training-enrolments", rows));
	}

	@Override
	@Transactional
	public Outcome erase(DataSubject subject) {
		return directory.byEmail(subject.email()).map(person -> {
			int rows = enrolments.anonymise(person.id(), clock.instant());
			return rows == 0 ? Outcome.nothingHeld()
					: Outcome.partly(rows, "Enrolments and attendance anonymised: the rows stay without the person, so the"
							+ " sessions' counts stay true.").saying("training.erasure.letter");
		}).orElseGet(Outcome::nothingHeld);
	}

	@Override
	public Outcome restrict(DataSubject subject) {
		return records(subject).isEmpty() ? Outcome.nothingHeld()
				: Outcome.notApplicable("Attendance shows the training the policy requires; restriction is handled by HR.");
	}

	/**
	 * The directory anonymised the person (its own erasure may run before this one, after which the
	 * address no longer finds them): their enrolments lose the person in the same transaction.
	 */
	@EventListener
	void anonymised(PersonAnonymised event) {
		enrolments.anonymise(event.personId(), clock.instant());
	}

	private List<Enrolment> records(DataSubject subject) {
		return directory.byEmail(subject.email()).map(PersonSummary::id).map(enrolments::ofPerson).orElse(List.of());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
