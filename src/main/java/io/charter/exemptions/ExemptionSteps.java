package io.charter.exemptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceLosses;
import io.charter.exemptions.Exemption.Action;
import io.charter.exemptions.Exemption.Status;
import io.charter.exemptions.ExemptionEvent.ExemptionApproved;
import io.charter.exemptions.ExemptionEvent.ExemptionEnded;
import io.charter.exemptions.ExemptionEvent.ExemptionRefused;
import io.charter.exemptions.ExemptionEvent.ExemptionRequested;
import io.charter.exemptions.ExemptionEvent.ExemptionRevoked;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;
import io.charter.shared.exemption.ExemptionSubject;

/**
 * What people and the security team do to exemptions: ask (for oneself, or SECURITY on someone's
 * behalf), approve in writing, refuse, revoke, renew. Each decision locks the exemption's row, is
 * written once to exemption_decision and published as an event for the audit trail.
 */
@Service
class ExemptionSteps {

	static final String SECURITY = "hasRole('SECURITY')";
	static final String EMPLOYEE = "hasRole('EMPLOYEE')";
	static final String READ = "hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')";

	static final int MAX_TEXT = 2000;
	private static final Pattern CLAUSE = Pattern.compile("S[1-8]");
	private static final Pattern CHECK = Pattern.compile("(software:)?[a-z0-9][a-z0-9._+-]{0,150}");

	/** The form's problems, by field, each a message key. */
	static class InvalidExemption extends RuntimeException {

		final Map<String, String> problems;

		InvalidExemption(Map<String, String> problems) {
			super("Invalid exemption: " + problems.keySet());
			this.problems = Map.copyOf(problems);
		}
	}

	private final Exemptions exemptions;
	private final Decisions decisions;
	private final Directory directory;
	private final DeviceLosses devices;
	private final ExemptionMessages messages;
	private final ExemptionSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	ExemptionSteps(Exemptions exemptions, Decisions decisions, Directory directory, DeviceLosses devices,
			ExemptionMessages messages, ExemptionSettings settings, ApplicationEventPublisher events, Clock clock,
			@Value(ExemptionSettings.ZONE) ZoneId zone) {
		this.exemptions = exemptions;
		this.decisions = decisions;
		this.directory = directory;
		this.devices = devices;
		this.messages = messages;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** The signed-in person asks for themselves (their own person or one of their devices). */
	@PreAuthorize(EMPLOYEE)
	@Transactional
	public Exemption requestSelf(Map<String, String> values) {
		PersonSummary self = self();
		Map<String, String> own = new HashMap<>(values);
		own.put("person", self.id().toString());
		return request(own, false, null);
	}

	/** SECURITY asks on behalf of a person of the directory, or for the whole organisation. */
	@PreAuthorize(SECURITY)
	@Transactional
	public Exemption requestFor(Map<String, String> values) {
		return request(values, true, null);
	}

	/**
	 * A new request that renews this one, with the form's period and reasons: SECURITY for anyone, a
	 * person for an exemption asked for them.
	 */
	@PreAuthorize("hasAnyRole('SECURITY', 'EMPLOYEE')")
	@Transactional
	public Exemption renew(UUID id, Map<String, String> values) {
		Exemption old = exemptions.find(id).orElseThrow(() -> new NotFound("No such exemption"));
		old.require(Action.RENEW);
		boolean security = hasRole("SECURITY");
		if (!security && (old.personId() == null || !old.personId().equals(self().id()))) {
			throw new NotFound("No such exemption");
		}
		Map<String, String> renewal = new HashMap<>(values);
		renewal.put("clause", old.clause());
		renewal.put("check", old.check() == null ? "" : old.check());
		renewal.put("subject", old.subject().kind().name());
		renewal.put("device", old.subject().kind() == ExemptionSubject.Kind.DEVICE ? old.subject().id().toString() : "");
		renewal.put("person", old.personId() == null ? "" : old.personId().toString());
		return request(renewal, security, old.id());
	}

	@PreAuthorize(SECURITY)
	@Transactional
	public Exemption approve(UUID id, String text) {
		String approval = required(text, "text");
		Exemption e = lock(id);
		String actor = Actors.current();
		List<Decision> before = decisions.of(id);
		long approvals = before.stream().filter(d -> d.outcome() == Decision.Outcome.APPROVED).count();
		boolean already = before.stream()
				.anyMatch(d -> d.outcome() == Decision.Outcome.APPROVED && Exemption.who(d.decidedBy()).equals(Exemption.who(actor)));
		if (e.personId() != null && self(e.personId())) {
			throw new RuleViolation(null, "exemptions.error.own-request", new Object[0]);
		}
		Status next = e.approvedBy(actor, already, (int) approvals);
		Instant now = clock.instant();
		decisions.insert(new Decision(UUID.randomUUID(), id, Decision.Outcome.APPROVED, approval, actor, now));
		Exemption after = e.withStatus(next);
		if (next != e.status()) {
			exemptions.status(id, next);
			messages.decided(after, approval);
		}
		events.publishEvent(new ExemptionApproved(id, next == Status.APPROVED,
				(next == Status.APPROVED ? "approved, in force " : "first approval, waiting for a second, ")
						+ e.startsOn() + " to " + e.endsOn(),
				actor, now));
		return after;
	}

	@PreAuthorize(SECURITY)
	@Transactional
	public Exemption refuse(UUID id, String reason) {
		Exemption after = decide(id, reason, Action.REFUSE, Decision.Outcome.REFUSED, Status.REFUSED);
		events.publishEvent(new ExemptionRefused(id, "refused", after.endedBy(), after.endedAt()));
		return after;
	}

	@PreAuthorize(SECURITY)
	@Transactional
	public Exemption revoke(UUID id, String reason) {
		Exemption after = decide(id, reason, Action.REVOKE, Decision.Outcome.REVOKED, Status.REVOKED);
		events.publishEvent(new ExemptionRevoked(id, "revoked", after.endedBy(), after.endedAt()));
		return after;
	}

	/** Ends the open exemptions of a subject that disappeared, with the reason recorded. */
	@Transactional
	public int endFor(ExemptionSubject subject, String reason) {
		int ended = 0;
		for (Exemption open : exemptions.openOf(subject)) {
			Exemption e = lock(open.id());
			if (!e.status().open()) {
				continue;
			}
			Exemption after = e.ended(Status.ENDED, reason, Actors.SYSTEM, clock.instant());
			exemptions.close(after);
			events.publishEvent(new ExemptionEnded(e.id(), "ended: " + reason, Actors.SYSTEM, after.endedAt()));
			ended++;
		}
		return ended;
	}

	/** A decision that closes the exemption (refusal, revocation): its reason is required and written once. */
	private Exemption decide(UUID id, String reason, Action action, Decision.Outcome outcome, Status status) {
		String why = required(reason, "reason");
		Exemption e = lock(id);
		e.require(action);
		String actor = Actors.current();
		Instant now = clock.instant();
		decisions.insert(new Decision(UUID.randomUUID(), e.id(), outcome, why, actor, now));
		Exemption after = e.ended(status, why, actor, now);
		exemptions.close(after);
		messages.decided(after, why);
		return after;
	}

	private Exemption request(Map<String, String> values, boolean security, UUID renews) {
		Exemption e = parse(values, security, renews);
		exemptions.insert(e);
		events.publishEvent(new ExemptionRequested(e.id(), e.clause(), renews,
				"requested " + e.clause() + (e.check() == null ? "" : " " + e.check()) + " for "
						+ e.subject().kind().name().toLowerCase() + ", " + e.startsOn() + " to " + e.endsOn()
						+ (renews == null ? "" : ", renews " + renews),
				e.requestedBy(), e.requestedAt()));
		return e;
	}

	/** An exemption from the form's values; every problem is reported at once, by field. */
	Exemption parse(Map<String, String> values, boolean security, UUID renews) {
		Map<String, String> problems = new LinkedHashMap<>();
		String clause = value(values, "clause");
		if (!CLAUSE.matcher(clause).matches()) {
			problems.put("clause", "exemptions.error.clause");
		}
		String check = value(values, "check");
		if (!check.isEmpty() && !CHECK.matcher(check).matches()) {
			problems.put("check", "exemptions.error.check");
		}
		UUID personId = uuid(values, "person", problems);
		if (personId != null && directory.person(personId).filter(PersonSummary::active).isEmpty()) {
			problems.put("person", "exemptions.error.person");
		}
		ExemptionSubject subject = null;
		switch (value(values, "subject")) {
			case "PERSON" -> {
				if (personId == null) {
					problems.putIfAbsent("person", "exemptions.error.required");
				}
				else {
					subject = ExemptionSubject.person(personId);
				}
			}
			case "DEVICE" -> {
				UUID device = uuid(values, "device", problems);
				if (device == null) {
					problems.putIfAbsent("device", "exemptions.error.required");
				}
				else if (!choosable(device, security ? null : personId)) {
					problems.put("device", "exemptions.error.device");
				}
				else {
					subject = ExemptionSubject.device(device);
				}
			}
			case "ORGANISATION" -> {
				if (!security) {
					problems.put("subject", "exemptions.error.organisation");
				}
				subject = ExemptionSubject.organisation();
			}
			default -> problems.put("subject", "exemptions.error.subject");
		}
		if (security && personId == null && subject != null
				&& subject.kind() != ExemptionSubject.Kind.ORGANISATION) {
			problems.putIfAbsent("person", "exemptions.error.required");
		}
		String reason = text(values, "reason", true, problems);
		String compensating = text(values, "compensating", false, problems);
		LocalDate from = date(values, "from", problems);
		LocalDate until = date(values, "until", problems);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (from != null && until != null) {
			if (until.isBefore(from)) {
				problems.put("until", "exemptions.error.until-before-from");
			}
			else if (until.isAfter(from.plus(settings.maxLength()))) {
				problems.put("until", "exemptions.error.too-long");
			}
			else if (until.isBefore(today)) {
				problems.put("until", "exemptions.error.past");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidExemption(problems);
		}
		int needed = subject.kind() == ExemptionSubject.Kind.ORGANISATION && settings.secondApproverForOrganisation()
				? 2 : 1;
		return new Exemption(UUID.randomUUID(), clause, check.isEmpty() ? null : check, subject, personId, reason,
				compensating, from, until, Status.PENDING, needed, renews, Actors.current(), clock.instant(), null,
				null, null);
	}

	private Exemption lock(UUID id) {
		return exemptions.lock(id).orElseThrow(() -> new NotFound("No such exemption"));
	}

	/**
	 * The devices the signed-in user may ask an exemption for: their own enrolled devices, or every
	 * enrolled device for the security team.
	 */
	@PreAuthorize("hasAnyRole('SECURITY', 'EMPLOYEE')")
	@Transactional(readOnly = true)
	public List<DeviceLosses.Choice> deviceChoices() {
		if (hasRole("SECURITY")) {
			return devices.enrolled();
		}
		return directory.signedIn(SecurityContextHolder.getContext().getAuthentication())
				.map(p -> devices.ownedBy(p.id())).orElse(List.of());
	}

	/** An enrolled device of this owner (any enrolled device when the owner is null). */
	private boolean choosable(UUID device, UUID owner) {
		return (owner == null ? devices.enrolled() : devices.ownedBy(owner)).stream()
				.anyMatch(d -> d.id().equals(device));
	}

	private PersonSummary self() {
		return directory.signedIn(SecurityContextHolder.getContext().getAuthentication()).filter(PersonSummary::active)
				.orElseThrow(() -> new RuleViolation("person", "exemptions.error.not-in-directory", new Object[0]));
	}

	/** Whether the signed-in user is this person of the directory. */
	private boolean self(UUID personId) {
		return directory.signedIn(SecurityContextHolder.getContext().getAuthentication())
				.map(p -> p.id().equals(personId)).orElse(false);
	}

	private static boolean hasRole(String role) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
	}

	private static String required(String text, String field) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty() || value.length() > MAX_TEXT) {
			throw new InvalidExemption(Map.of(field,
					value.isEmpty() ? "exemptions.error.required" : "exemptions.error.too-long-text"));
		}
		return value;
	}

	private static String value(Map<String, String> values, String field) {
		String v = values.get(field);
		return v == null ? "" : v.strip();
	}

	private static String text(Map<String, String> values, String field, boolean required,
			Map<String, String> problems) {
		String v = value(values, field);
		if (v.isEmpty()) {
			if (required) {
				problems.put(field, "exemptions.error.required");
			}
			return null;
		}
		if (v.length() > MAX_TEXT) {
			problems.put(field, "exemptions.error.too-long-text");
		}
		return v;
	}

	private static UUID uuid(Map<String, String> values, String field, Map<String, String> problems) {
		String v = value(values, field);
		if (v.isEmpty()) {
			return null;
		}
		try {
			return UUID.fromString(v);
		}
		catch (IllegalArgumentException e) {
			problems.put(field, "exemptions.error." + field);
			return null;
		}
	}

	private static LocalDate date(Map<String, String> values, String field, Map<String, String> problems) {
		try {
			return LocalDate.parse(value(values, field));
		}
		catch (DateTimeParseException e) {
			problems.put(field, "exemptions.error.date");
			return null;
		}
	}
}
