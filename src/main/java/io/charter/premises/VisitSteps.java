package io.charter.premises;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PeopleFilter;
import io.charter.people.PersonStatus;
import io.charter.people.PersonSummary;
import io.charter.premises.PremisesEvent.VisitAnonymised;
import io.charter.premises.PremisesEvent.VisitRegistered;
import io.charter.premises.PremisesEvent.VisitorCheckedIn;
import io.charter.premises.PremisesEvent.VisitorCheckedOut;
import io.charter.premises.PremisesEvent.VisitsAnonymised;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;

/**
 * What hosts and reception do to visits. Every visit has a host of the directory (clause S3: a
 * visitor is registered or accompanied by an employee), so a walk-in is refused without one.
 */
@Service
class VisitSteps {

	static final String RECEPTION = "hasAnyRole('ADMIN', 'RECEPTION')";
	static final String EMPLOYEE = "hasRole('EMPLOYEE')";
	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");

	/** The form's problems, by field, each a message key. */
	static class InvalidForm extends RuntimeException {

		final Map<String, String> problems;

		InvalidForm(Map<String, String> problems) {
			super("Invalid form: " + problems.keySet());
			this.problems = Map.copyOf(problems);
		}
	}

	private final Visits visits;
	private final Directory directory;
	private final PremisesMessages messages;
	private final PremisesSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	VisitSteps(Visits visits, Directory directory, PremisesMessages messages, PremisesSettings settings,
			ApplicationEventPublisher events, Clock clock, @Value(PremisesSettings.ZONE) ZoneId zone) {
		this.visits = visits;
		this.directory = directory;
		this.messages = messages;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * A host announces a visitor (fields {@code name}, {@code company}, {@code email}, {@code language},
	 * {@code expected}, {@code host}, {@code escort}); the visitor who gave an address gets the
	 * practical details.
	 */
	@PreAuthorize(EMPLOYEE)
	@Transactional
	public Visit preRegister(Map<String, String> values) {
		Map<String, String> problems = new LinkedHashMap<>();
		Instant expected = null;
		try {
			expected = LocalDateTime.parse(value(values, "expected")).atZone(zone).toInstant();
			if (expected.isBefore(clock.instant().minusSeconds(3600))) {
				problems.put("expected", "premises.error.in-the-past");
			}
		}
		catch (DateTimeParseException | NullPointerException e) {
			problems.put("expected", "premises.error.date");
		}
		Visit visit = visit(values, expected, false, problems);
		PersonSummary host = directory.person(visit.hostId()).orElseThrow();
		if (visit.email() != null) {
			messages.expected(visit, host);
		}
		return visit;
	}

	/**
	 * Reception registers a visitor who was not announced and checks them in with the badge of field
	 * {@code badge}: a host is required.
	 */
	@PreAuthorize(RECEPTION)
	@Transactional
	public Visit walkIn(Map<String, String> values) {
		Map<String, String> problems = new LinkedHashMap<>();
		String badge = badge(values.get("badge"), problems);
		return checkIn(visit(values, clock.instant(), true, problems), badge);
	}

	private Visit visit(Map<String, String> values, Instant expected, boolean walkIn, Map<String, String> problems) {
		String name = value(values, "name");
		if (name == null) {
			problems.put("name", "premises.error.required");
		}
		else if (name.length() > 200) {
			problems.put("name", "premises.error.too-long");
		}
		String company = value(values, "company");
		if (company != null && company.length() > 200) {
			problems.put("company", "premises.error.too-long");
		}
		String email = value(values, "email");
		if (email != null && (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			problems.put("email", "premises.error.email");
		}
		String language = value(values, "language");
		if (language == null || !LANGUAGES.contains(language)) {
			problems.put("language", "premises.error.language");
		}
		PersonSummary host = host(value(values, "host"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidForm(problems);
		}
		Visit visit = new Visit(UUID.randomUUID(), name, company, email == null ? null : email.toLowerCase(), language,
				expected, host.id(), "on".equals(values.get("escort")) || "true".equals(values.get("escort")), walkIn,
				null, null, null, null);
		visits.insert(visit, clock.instant());
		events.publishEvent(new VisitRegistered(visit.id(), walkIn, walkIn ? "walk-in registered" : "visit pre-registered",
				Actors.current(), clock.instant()));
		return visit;
	}

	/** The host by address, or by a part of the name that only one active person of the directory matches. */
	private PersonSummary host(String text, Map<String, String> problems) {
		if (text == null) {
			problems.put("host", "premises.error.host-required");
			return null;
		}
		List<PersonSummary> found = matching(directory, text);
		if (found.size() != 1) {
			problems.put("host", found.isEmpty() ? "premises.error.host-unknown" : "premises.error.host-ambiguous");
			return null;
		}
		return found.get(0);
	}

	/** The active people of the directory with this address, or (at most two) whose name holds the text. */
	static List<PersonSummary> matching(Directory directory, String text) {
		return text.contains("@") ? directory.byEmail(text).filter(PersonSummary::active).stream().toList()
				: directory.page(new PeopleFilter(text, null, null, PersonStatus.ACTIVE, false), 0, 2).people();
	}

	/** Checks the visitor in with their badge; the host is e-mailed at once. */
	@PreAuthorize(RECEPTION)
	@Transactional
	public Visit checkIn(UUID id, String badge) {
		Map<String, String> problems = new LinkedHashMap<>();
		String number = badge(badge, problems);
		if (!problems.isEmpty()) {
			throw new InvalidForm(problems);
		}
		return checkIn(find(id), number);
	}

	private Visit checkIn(Visit expected, String badge) {
		Visit visit = expected.checkIn(badge, clock.instant());
		visits.update(visit);
		directory.person(visit.hostId()).ifPresent(host -> messages.arrived(visit, host));
		events.publishEvent(new VisitorCheckedIn(visit.id(), visit.hostId(), "checked in", Actors.current(),
				clock.instant()));
		return visit;
	}

	/** Checks out the visitor on site who holds this badge: the kiosk asks for the badge, never shows a name. */
	@PreAuthorize(RECEPTION)
	@Transactional
	public Visit checkOut(String badge) {
		Map<String, String> problems = new LinkedHashMap<>();
		String number = badge(badge, problems);
		Visit onSite = number == null ? null : visits.onSiteWithBadge(number).orElse(null);
		if (onSite == null) {
			problems.putIfAbsent("badge", "premises.error.badge-unknown");
			throw new InvalidForm(problems);
		}
		Visit visit = onSite.checkOut(clock.instant());
		visits.update(visit);
		events.publishEvent(new VisitorCheckedOut(visit.id(), "checked out", Actors.current(), clock.instant()));
		return visit;
	}

	private static String badge(String badge, Map<String, String> problems) {
		String number = badge == null ? "" : badge.strip();
		if (number.isEmpty() || number.length() > 40) {
			problems.put("badge", number.isEmpty() ? "premises.error.required" : "premises.error.too-long");
			return null;
		}
		return number;
	}

	/** Clears the visitors of visits past the retention period; the job runs it once per cluster. */
	@Transactional
	public int anonymiseExpired() {
		Instant now = clock.instant();
		int cleared = visits.anonymiseBefore(now.minus(settings.visitorRetention()), now);
		if (cleared > 0) {
			events.publishEvent(new VisitsAnonymised(cleared, cleared + " visit(s) past the retention period anonymised",
					Actors.SYSTEM, now));
		}
		return cleared;
	}

	/** Clears one visit's visitor, for an erasure request. */
	@Transactional
	int anonymise(UUID id, String actor) {
		int cleared = visits.anonymise(id, clock.instant());
		if (cleared > 0) {
			events.publishEvent(new VisitAnonymised(id, "visitor anonymised", actor, clock.instant()));
		}
		return cleared;
	}

	/** The start of today and of tomorrow, in the organisation's time zone. */
	Instant[] today() {
		LocalDate day = LocalDate.now(clock.withZone(zone));
		return new Instant[] { day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant() };
	}

	private Visit find(UUID id) {
		return visits.find(id).orElseThrow(() -> new NotFound("No such visit"));
	}

	private static String value(Map<String, String> values, String name) {
		String v = values.get(name);
		return v == null || v.isBlank() ? null : v.strip();
	}
}
