package io.charter.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.PeopleEvent.PersonAnonymised;
import io.charter.people.PeopleEvent.PersonChanged;
import io.charter.people.PeopleEvent.PersonJoined;
import io.charter.people.PeopleEvent.PersonLeft;
import io.charter.shared.Actors;

/**
 * The directory's write API, shared by the console, the REST API, the CSV import and provisioning
 * (SCIM): create, replace, patch, mark a leaver, anonymise. Each change is checked (field rules,
 * unique e-mail and employee id, a known manager who is not the person), written, and published as
 * a {@link PeopleEvent}. Who may call it is decided by the path rules of the callers' endpoints.
 */
@Service
public class DirectoryChanges {

	private final People people;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DirectoryChanges(People people, ApplicationEventPublisher events, Clock clock) {
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	/** Adds a person, active (a leaver when the end date has passed is still marked explicitly). */
	@Transactional
	public PersonSummary create(PersonDetails details) {
		PersonDetails d = checked(details, null);
		PersonSummary person = summary(UUID.randomUUID(), d, PersonStatus.ACTIVE);
		Instant now = clock.instant();
		people.insert(person, now);
		events.publishEvent(new PersonJoined(person.id(), person.startDate(), "person added", Actors.current(), now));
		return person;
	}

	/** Replaces every field of a person; a field left empty is cleared. Unchanged details publish nothing. */
	@Transactional
	public PersonSummary replace(UUID id, PersonDetails details) {
		PersonSummary before = people.findById(id).orElseThrow(() -> new PersonNotFound(id));
		PersonDetails d = checked(details, id);
		PersonSummary after = summary(id, d, before.status());
		List<String> changed = changedFields(before, after);
		if (!changed.isEmpty()) {
			Instant now = clock.instant();
			people.update(after, now);
			events.publishEvent(new PersonChanged(id, "changed " + String.join(", ", changed), Actors.current(), now));
		}
		return after;
	}

	/** Changes some fields (a patch): the change gets the details as stored and returns them changed. */
	@Transactional
	public PersonSummary change(UUID id, UnaryOperator<PersonDetails> change) {
		PersonSummary before = people.findById(id).orElseThrow(() -> new PersonNotFound(id));
		return replace(id, change.apply(PersonDetails.of(before)));
	}

	/**
	 * Marks a person a leaver from {@code endDate} (today when null). Identity ends their account on
	 * the {@link PersonLeft} event. Marking a leaver again changes nothing.
	 */
	@Transactional
	public PersonSummary markLeaver(UUID id, LocalDate endDate) {
		PersonSummary before = people.findById(id).orElseThrow(() -> new PersonNotFound(id));
		if (!before.active()) {
			return before;
		}
		LocalDate end = endDate != null ? endDate : LocalDate.now(clock);
		if (before.startDate() != null && end.isBefore(before.startDate())) {
			throw new InvalidPerson("endDate", "end-before-start");
		}
		PersonSummary after = summary(id, PersonDetails.of(before).withEnd(end), PersonStatus.LEAVER);
		Instant now = clock.instant();
		people.update(after, now);
		events.publishEvent(new PersonLeft(id, before.email(), end, "marked leaver", Actors.current(), now));
		return after;
	}

	/** Makes a leaver active again (a rehire, or a mistaken leave); the end date is cleared. */
	@Transactional
	public PersonSummary reinstate(UUID id) {
		PersonSummary before = people.findById(id).orElseThrow(() -> new PersonNotFound(id));
		if (before.active()) {
			return before;
		}
		PersonSummary after = summary(id, PersonDetails.of(before).withEnd(null), PersonStatus.ACTIVE);
		Instant now = clock.instant();
		people.update(after, now);
		events.publishEvent(new PersonChanged(id, "reinstated", Actors.current(), now));
		return after;
	}

	/**
	 * Removes a person as far as the records pointing at them allow: they become a leaver and their
	 * name, address, employee id and department are irreversibly replaced; the row stays, so that
	 * training and acknowledgement records keep their subject. This is also what SCIM's DELETE does.
	 */
	@Transactional
	public boolean anonymise(UUID id, String reason) {
		PersonSummary person = people.findById(id).orElseThrow(() -> new PersonNotFound(id));
		if (person.active()) {
			markLeaver(id, null);
		}
		Instant now = clock.instant();
		people.anonymise(id, now);
		events.publishEvent(new PersonAnonymised(id, reason, Actors.current(), now));
		return true;
	}

	/**
	 * Creates or replaces the person of the same employee id or, without one, the same e-mail
	 * address (the CSV import; idempotent: importing the same rows again changes nothing).
	 */
	@Transactional
	public PersonSummary upsert(PersonDetails details) {
		var existing = PersonRules.blank(details.employeeId()) ? people.findByEmail(details.email())
				: people.findByEmployeeId(details.employeeId().strip()).or(() -> people.findByEmail(details.email()));
		return existing.isPresent() ? replace(existing.get().id(), details) : create(details);
	}

	private PersonDetails checked(PersonDetails details, UUID self) {
		Map<String, String> problems = PersonRules.problems(details);
		if (!problems.isEmpty()) {
			var first = problems.entrySet().iterator().next();
			throw new InvalidPerson(first.getKey(), first.getValue());
		}
		PersonDetails d = PersonRules.normalised(details);
		people.findByEmail(d.email()).filter(p -> !p.id().equals(self)).ifPresent(p -> {
			throw new InvalidPerson("email", "email-taken");
		});
		if (d.employeeId() != null) {
			people.findByEmployeeId(d.employeeId()).filter(p -> !p.id().equals(self)).ifPresent(p -> {
				throw new InvalidPerson("employeeId", "employee-id-taken");
			});
		}
		if (d.managerId() != null && (d.managerId().equals(self) || people.findById(d.managerId()).isEmpty())) {
			throw new InvalidPerson("managerId", "manager-unknown");
		}
		return d;
	}

	private static PersonSummary summary(UUID id, PersonDetails d, PersonStatus status) {
		return new PersonSummary(id, d.name(), d.email(), d.employeeId(), d.kind(), d.department(), d.managerId(),
				d.startDate(), d.endDate(), status, d.language());
	}

	private static List<String> changedFields(PersonSummary a, PersonSummary b) {
		List<String> changed = new ArrayList<>();
		compare(changed, "name", a.name(), b.name());
		compare(changed, "email", a.email(), b.email());
		compare(changed, "employee id", a.employeeId(), b.employeeId());
		compare(changed, "kind", a.kind(), b.kind());
		compare(changed, "department", a.department(), b.department());
		compare(changed, "manager", a.managerId(), b.managerId());
		compare(changed, "start date", a.startDate(), b.startDate());
		compare(changed, "end date", a.endDate(), b.endDate());
		compare(changed, "language", a.language(), b.language());
		return changed;
	}

	private static void compare(List<String> changed, String field, Object a, Object b) {
		if (!Objects.equals(a, b)) {
			changed.add(field);
		}
	}
}
