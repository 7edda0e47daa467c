package io.charter.training;

import java.time.ZoneId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;
import io.charter.training.TrainingEvent.AttendanceMarked;
import io.charter.training.TrainingEvent.Enrolled;
import io.charter.training.TrainingEvent.EnrolmentCancelled;
import io.charter.training.TrainingEvent.SessionCancelled;
import io.charter.training.TrainingEvent.SessionChanged;
import io.charter.training.TrainingEvent.SessionScheduled;

/**
 * What the security team and the people themselves do to sessions and enrolments. Every change to
 * who holds a place locks the session's row first, so the places are counted one change at a time:
 * of two people asking for the last place at once, one gets it and the other waits in line.
 */
@Service
class TrainingSteps {

	static final String WRITE = "hasAnyRole('ADMIN', 'SECURITY')";
	static final String EMPLOYEE = "hasRole('EMPLOYEE')";
	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");

	/** The form's problems, by field, each a message key. */
	static class InvalidSession extends RuntimeException {

		final Map<String, String> problems;

		InvalidSession(Map<String, String> problems) {
			super("Invalid session: " + problems.keySet());
			this.problems = Map.copyOf(problems);
		}
	}

	private final Sessions sessions;
	private final Enrolments enrolments;
	private final Directory directory;
	private final TrainingMessages messages;
	private final TrainingSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	TrainingSteps(Sessions sessions, Enrolments enrolments, Directory directory, TrainingMessages messages,
			TrainingSettings settings, ApplicationEventPublisher events, Clock clock,
			@Value(TrainingSettings.ZONE) ZoneId zone) {
		this.zone = zone;
		this.sessions = sessions;
		this.enrolments = enrolments;
		this.directory = directory;
		this.messages = messages;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize(WRITE)
	@Transactional
	public Session schedule(Map<String, String> values) {
		Session session = parse(UUID.randomUUID(), values, 0);
		sessions.insert(session, clock.instant());
		events.publishEvent(new SessionScheduled(session.id(), "session scheduled, capacity " + session.capacity(),
				Actors.current(), clock.instant()));
		return session;
	}

	/** Changes a session; the people with a place get the updated invitation, and freed places go to the waiting list. */
	@PreAuthorize(WRITE)
	@Transactional
	public Session edit(UUID id, Map<String, String> values) {
		Session before = lockOpen(id);
		Session after = parse(id, values, before.sequence() + 1);
		sessions.update(after);
		for (Enrolment e : enrolments.ofSession(id)) {
			if (e.holdsPlace() && e.personId() != null) {
				Enrolment revised = revise(e, Enrolment.Status.ENROLLED, e.enrolledAt());
				directory.person(e.personId()).ifPresent(p -> messages.enrolled(p, after, revised, "training-changed"));
			}
		}
		events.publishEvent(new SessionChanged(id, "session changed, capacity " + after.capacity(), Actors.current(),
				clock.instant()));
		promote(after);
		return after;
	}

	/** Cancels the session: everyone listed is told, and the calendars withdraw the entry. */
	@PreAuthorize(WRITE)
	@Transactional
	public void cancel(UUID id) {
		Session before = lockOpen(id);
		Session cancelled = new Session(id, before.title(), before.startsAt(), before.endsAt(), before.place(),
				before.onlineLink(), before.capacity(), before.trainer(), before.language(), Session.Status.CANCELLED,
				before.sequence() + 1);
		sessions.update(cancelled);
		int told = 0;
		for (Enrolment e : enrolments.ofSession(id)) {
			if (e.status() != Enrolment.Status.CANCELLED && e.personId() != null) {
				Enrolment revised = revise(e, Enrolment.Status.CANCELLED, e.enrolledAt());
				PersonSummary person = directory.person(e.personId()).orElse(null);
				if (person != null) {
					messages.withdrawn(person, cancelled, revised, "training-session-cancelled", e.holdsPlace());
					told++;
				}
			}
		}
		events.publishEvent(new SessionCancelled(id, "session cancelled, " + told + " person(s) told", Actors.current(),
				clock.instant()));
	}

	/** The security team enrols someone of the directory. */
	@PreAuthorize(WRITE)
	@Transactional
	public Enrolment.Status enrolFor(UUID sessionId, UUID personId) {
		return enrol(sessionId, directory.person(personId).orElseThrow(() -> new NotFound("No such person")));
	}

	/** The signed-in person enrols themselves. */
	@PreAuthorize(EMPLOYEE)
	@Transactional
	public Enrolment.Status enrolSelf(UUID sessionId, String email) {
		return enrol(sessionId, self(email));
	}

	@PreAuthorize(WRITE)
	@Transactional
	public void cancelFor(UUID sessionId, UUID personId) {
		withdraw(sessionId, personId);
	}

	@PreAuthorize(EMPLOYEE)
	@Transactional
	public void cancelSelf(UUID sessionId, String email) {
		withdraw(sessionId, self(email).id());
	}

	@PreAuthorize(WRITE)
	@Transactional
	public void markAttendance(UUID sessionId, UUID personId, boolean attended) {
		lockHeld(sessionId);
		Enrolment e = enrolments.of(sessionId, personId).orElseThrow(() -> new NotFound("Not enrolled"));
		attendance(e, attended);
	}

	/** Marks these people as having attended (the attendance import); they need not have enrolled. */
	@PreAuthorize(WRITE)
	@Transactional
	public int markAttended(UUID sessionId, List<UUID> people) {
		Session session = lockHeld(sessionId);
		for (UUID personId : people) {
			Enrolment e = enrolments.of(sessionId, personId).orElse(null);
			if (e == null) {
				e = new Enrolment(UUID.randomUUID(), session.id(), personId, Enrolment.Status.ENROLLED, false,
						clock.instant(), 0);
				enrolments.insert(e);
			}
			attendance(e, true);
		}
		return people.size();
	}

	private void attendance(Enrolment e, boolean attended) {
		enrolments.markAttended(e.id(), attended, clock.instant());
		events.publishEvent(new AttendanceMarked(e.sessionId(), e.personId(), attended,
				attended ? "attended" : "did not attend", Actors.current(), clock.instant()));
	}

	private PersonSummary self(String email) {
		return directory.byEmail(email).filter(PersonSummary::active)
				.orElseThrow(() -> new RuleViolation("person", "training.error.not-in-directory", new Object[0]));
	}

	private Enrolment.Status enrol(UUID sessionId, PersonSummary person) {
		if (!person.active()) {
			throw new RuleViolation("person", "training.error.leaver", new Object[0]);
		}
		Session session = lockOpen(sessionId);
		if (!session.startsAt().isAfter(clock.instant())) {
			throw new RuleViolation("session", "training.error.started", new Object[0]);
		}
		Enrolment existing = enrolments.of(sessionId, person.id()).orElse(null);
		if (existing != null && existing.status() != Enrolment.Status.CANCELLED) {
			return existing.status();
		}
		Enrolment.Status status = enrolments.enrolled(sessionId) < session.capacity() ? Enrolment.Status.ENROLLED
				: Enrolment.Status.WAITING;
		Instant now = clock.instant();
		Enrolment enrolment;
		if (existing == null) {
			enrolment = new Enrolment(UUID.randomUUID(), sessionId, person.id(), status, false, now, 0);
			enrolments.insert(enrolment);
		}
		else {
			enrolment = revise(existing, status, now);
		}
		if (status == Enrolment.Status.ENROLLED) {
			messages.enrolled(person, session, enrolment, "training-enrolled");
		}
		else {
			messages.waiting(person, session);
		}
		events.publishEvent(new Enrolled(sessionId, person.id(), status == Enrolment.Status.WAITING,
				status == Enrolment.Status.WAITING ? "on the waiting list" : "enrolled", Actors.current(), now));
		return status;
	}

	private void withdraw(UUID sessionId, UUID personId) {
		Session session = lockOpen(sessionId);
		Enrolment e = enrolments.of(sessionId, personId).filter(x -> x.status() != Enrolment.Status.CANCELLED)
				.orElseThrow(() -> new NotFound("Not enrolled"));
		Enrolment revised = revise(e, Enrolment.Status.CANCELLED, e.enrolledAt());
		directory.person(personId)
				.ifPresent(p -> messages.withdrawn(p, session, revised, "training-enrolment-cancelled", e.holdsPlace()));
		events.publishEvent(new EnrolmentCancelled(sessionId, personId,
				e.holdsPlace() ? "enrolment cancelled" : "left the waiting list", Actors.current(), clock.instant()));
		promote(session);
	}

	/** Free places go to the waiting list, first come first served. */
	private void promote(Session session) {
		int taken = enrolments.enrolled(session.id());
		while (taken < session.capacity()) {
			Enrolment next = enrolments.firstWaiting(session.id()).orElse(null);
			if (next == null) {
				return;
			}
			Enrolment promoted = revise(next, Enrolment.Status.ENROLLED, next.enrolledAt());
			taken++;
			if (next.personId() != null) {
				directory.person(next.personId()).ifPresent(p -> messages.enrolled(p, session, promoted, "training-promoted"));
			}
			events.publishEvent(new Enrolled(session.id(), next.personId(), false, "promoted from the waiting list",
					Actors.current(), clock.instant()));
		}
	}

	/** A new state with the next calendar revision. */
	private Enrolment revise(Enrolment e, Enrolment.Status status, Instant enrolledAt) {
		Enrolment revised = new Enrolment(e.id(), e.sessionId(), e.personId(), status, e.attended(), enrolledAt,
				e.sequence() + 1);
		enrolments.change(e.id(), status, enrolledAt, revised.sequence(), clock.instant());
		return revised;
	}

	private Session lockOpen(UUID id) {
		Session session = sessions.lock(id).orElseThrow(() -> new NotFound("No such session"));
		if (session.cancelled()) {
			throw new RuleViolation("session", "training.error.cancelled", new Object[0]);
		}
		return session;
	}

	/** A session that took place, or will: nobody attends a cancelled one, so attendance there is refused. */
	private Session lockHeld(UUID id) {
		Session session = sessions.lock(id).orElseThrow(() -> new NotFound("No such session"));
		if (session.cancelled()) {
			throw new RuleViolation("session", "training.error.attendance-cancelled", new Object[0]);
		}
		return session;
	}

	/** A session from the form's values (start and end in the organisation's time zone). */
	Session parse(UUID id, Map<String, String> values, int sequence) {
		Map<String, String> problems = new LinkedHashMap<>();
		String title = text(values, "title", 200, true, problems);
		Instant starts = time(values, "starts", problems);
		Instant ends = time(values, "ends", problems);
		if (starts != null && ends != null && !ends.isAfter(starts)) {
			problems.put("ends", "training.error.ends-before-start");
		}
		String place = text(values, "place", 300, false, problems);
		String link = text(values, "link", 500, false, problems);
		if (place == null && link == null) {
			problems.put("place", "training.error.place-or-link");
		}
		if (link != null && !link.matches("https://\\S+")) {
			problems.put("link", "training.error.link");
		}
		int capacity = 0;
		try {
			capacity = Integer.parseInt(values.getOrDefault("capacity", "").strip());
		}
		catch (NumberFormatException e) {
			// reported below
		}
		if (capacity < 1 || capacity > 10000) {
			problems.put("capacity", "training.error.capacity");
		}
		String trainer = text(values, "trainer", 200, false, problems);
		String language = values.getOrDefault("language", "").strip();
		if (!LANGUAGES.contains(language)) {
			problems.put("language", "training.error.language");
		}
		if (!problems.isEmpty()) {
			throw new InvalidSession(problems);
		}
		return new Session(id, title, starts, ends, place, link, capacity, trainer, language, Session.Status.SCHEDULED,
				sequence);
	}

	private static String text(Map<String, String> values, String field, int max, boolean required,
			Map<String, String> problems) {
		String value = values.getOrDefault(field, "").strip();
		if (value.isEmpty()) {
			if (required) {
				problems.put(field, "training.error.required");
			}
			return null;
		}
		if (value.length() > max) {
			problems.put(field, "training.error.too-long");
		}
		return value;
	}

	private Instant time(Map<String, String> values, String field, Map<String, String> problems) {
		try {
			return LocalDateTime.parse(values.getOrDefault(field, "").strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			problems.put(field, "training.error.date-time");
			return null;
		}
	}
}
