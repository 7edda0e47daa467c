package io.charter.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
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
		return create(people, events::publishEvent, details);
	}

	/** Replaces every field of a person; a field left empty is cleared. Unchanged details publish nothing. */
	@Transactional
	public PersonSummary replace(UUID id, PersonDetails details) {
		return replace(people, events::publishEvent, id, details);
	}

	/** Changes some fields (a patch): the change gets the details as stored and returns them changed. */
	@Transactional
	public PersonSummary change(UUID id, UnaryOperator<PersonDetails> change) {
		return change(people, events::publishEvent, id, change);
	}

	/**
	 * Marks a person a leaver from {@code endDate} (today when null). Identity ends their account on
	 * the {@link PersonLeft} event. Marking a leaver again changes nothing.
	 */
	@Transactional
	public PersonSummary markLeaver(UUID id, LocalDate endDate) {
		return markLeaver(people, events::publishEvent, id, endDate);
	}

	/** Makes a leaver active again (a rehire, or a mistaken leave); the end date is cleared. */
	@Transactional
	public PersonSummary reinstate(UUID id) {
		return reinstate(people, events::publishEvent, id);
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
	 * address (idempotent: the same details again change nothing).
	 */
	@Transactional
	public PersonSummary upsert(PersonDetails details) {
		return upsert(people, events::publishEvent, details);
	}

	/**
	 * Many changes at once (the CSV import): the same checks and events as one change at a time, but
	 * against a snapshot of the directory read in one query, with the writes sent in JDBC batches and
	 * the events published by {@link Batch#finish()}. Call within the transaction that finishes it.
	 */
	Batch batch() {
		return new Batch(new DirectorySnapshot(people.all()));
	}

	/** A run of changes against a snapshot of the directory; nothing is written before {@link #finish()}. */
	final class Batch {

		private final DirectorySnapshot rows;
		private final List<Object> published = new ArrayList<>();

		private Batch(DirectorySnapshot rows) {
			this.rows = rows;
		}

		Optional<PersonSummary> byEmployeeId(String employeeId) {
			return rows.findByEmployeeId(employeeId);
		}

		Optional<PersonSummary> byEmail(String email) {
			return rows.findByEmail(email);
		}

		Optional<PersonSummary> byId(UUID id) {
			return rows.findById(id);
		}

		PersonSummary upsert(PersonDetails details) {
			return DirectoryChanges.this.upsert(rows, published::add, details);
		}

		PersonSummary change(UUID id, UnaryOperator<PersonDetails> change) {
			return DirectoryChanges.this.change(rows, published::add, id, change);
		}

		PersonSummary markLeaver(UUID id, LocalDate endDate) {
			return DirectoryChanges.this.markLeaver(rows, published::add, id, endDate);
		}

		PersonSummary reinstate(UUID id) {
			return DirectoryChanges.this.reinstate(rows, published::add, id);
		}

		/** Writes the changes in the order they were made, then publishes their events. */
		void finish() {
			rows.flush(people);
			published.forEach(events::publishEvent);
			published.clear();
		}
	}

	private PersonSummary create(DirectoryRows rows, Consumer<Object> publish, PersonDetails details) {
		PersonDetails d = checked(rows, details, null);
		PersonSummary person = summary(UUID.randomUUID(), d, PersonStatus.ACTIVE);
		Instant now = clock.instant();
		rows.insert(person, now);
		publish.accept(new PersonJoined(person.id(), person.startDate(), "person added", Actors.current(), now));
		return person;
	}

	private PersonSummary replace(DirectoryRows rows, Consumer<Object> publish, UUID id, PersonDetails details) {
		PersonSummary before = rows.findById(id).orElseThrow(() -> new PersonNotFound(id));
		PersonDetails d = checked(rows, details, id);
		PersonSummary after = summary(id, d, before.status());
		List<String> changed = changedFields(before, after);
		if (!changed.isEmpty()) {
			Instant now = clock.instant();
			rows.update(after, now);
			publish.accept(new PersonChanged(id, "changed " + String.join(", ", changed), Actors.current(), now));
		}
		return after;
	}

	private PersonSummary change(DirectoryRows rows, Consumer<Object> publish, UUID id, UnaryOperator<PersonDetails> change) {
		PersonSummary before = rows.findById(id).orElseThrow(() -> new PersonNotFound(id));
		return replace(rows, publish, id, change.apply(PersonDetails.of(before)));
	}

	private PersonSummary markLeaver(DirectoryRows rows, Consumer<Object> publish, UUID id, LocalDate endDate) {
		PersonSummary before = rows.findById(id).orElseThrow(() -> new PersonNotFound(id));
		if (!before.active()) {
			return before;
		}
		LocalDate end = endDate != null ? endDate : LocalDate.now(clock);
		if (before.startDate() != null && end.isBefore(before.startDate())) {
			throw new InvalidPerson("endDate", "end-before-start");
		}
		PersonSummary after = summary(id, PersonDetails.of(before).withEnd(end), PersonStatus.LEAVER);
		Instant now = clock.instant();
		rows.update(after, now);
		publish.accept(new PersonLeft(id, before.email(), end, "marked leaver", Actors.current(), now));
		return after;
	}

	private PersonSummary reinstate(DirectoryRows rows, Consumer<Object> publish, UUID id) {
		PersonSummary before = rows.findById(id).orElseThrow(() -> new PersonNotFound(id));
		if (before.active()) {
			return before;
		}
		PersonSummary after = summary(id, PersonDetails.of(before).withEnd(null), PersonStatus.ACTIVE);
		Instant now = clock.instant();
		rows.update(after, now);
		publish.accept(new PersonChanged(id, "reinstated", Actors.current(), now));
		return after;
	}

	private PersonSummary upsert(DirectoryRows rows, Consumer<Object> publish, PersonDetails details) {
		var existing = PersonRules.blank(details.employeeId()) ? rows.findByEmail(details.email())
				: rows.findByEmployeeId(details.employeeId().strip()).or(() -> rows.findByEmail(details.email()));
		return existing.isPresent() ? replace(rows, publish, existing.get().id(), details) : create(rows, publish, details);
	}

	private static PersonDetails checked(DirectoryRows rows, PersonDetails details, UUID self) {
		Map<String, String> problems = PersonRules.problems(details);
		if (!problems.isEmpty()) {
			var first = problems.entrySet().iterator().next();
			throw new InvalidPerson(first.getKey(), first.getValue());
		}
		PersonDetails d = PersonRules.normalised(details);
		rows.findByEmail(d.email()).filter(p -> !p.id().equals(self)).ifPresent(p -> {
			throw new InvalidPerson("email", "email-taken");
		});
		if (d.employeeId() != null) {
			rows.findByEmployeeId(d.employeeId()).filter(p -> !p.id().equals(self)).ifPresent(p -> {
				throw new InvalidPerson("employeeId", "employee-id-taken");
			});
		}
		if (d.managerId() != null && (d.managerId().equals(self) || rows.findById(d.managerId()).isEmpty())) {
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
