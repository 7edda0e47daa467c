package io.charter.premises;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceLosses;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.premises.PremisesEvent.IncidentAcknowledged;
import io.charter.premises.PremisesEvent.IncidentReported;
import io.charter.premises.PremisesEvent.IncidentResolved;
import io.charter.premises.web.IncidentRow;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.Role;

/**
 * Incident reports: any employee reports; an unrecognised person alerts the reporter's manager and
 * the security team at once (clause S2: challenged and reported immediately to supervisory staff and
 * security); the security team acknowledges and resolves.
 */
@Service
class IncidentSteps {

	static final String SECURITY = "hasAnyRole('ADMIN', 'SECURITY')";

	private final Incidents incidents;
	private final DeviceLosses losses;
	private final Directory directory;
	private final IdentityManagement identity;
	private final PremisesMessages messages;
	private final IncidentWebhook webhook;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	IncidentSteps(Incidents incidents, DeviceLosses losses, Directory directory, IdentityManagement identity,
			PremisesMessages messages, IncidentWebhook webhook, ApplicationEventPublisher events, Clock clock,
			@Value(PremisesSettings.ZONE) ZoneId zone) {
		this.incidents = incidents;
		this.losses = losses;
		this.directory = directory;
		this.identity = identity;
		this.messages = messages;
		this.webhook = webhook;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Records a report by a person of the directory (fields {@code kind}, {@code where},
	 * {@code description}, and optionally {@code when} and {@code device}; {@code when} defaults to now).
	 * A lost device chosen is marked in the device inventory.
	 */
	@PreAuthorize(VisitSteps.EMPLOYEE)
	@Transactional
	public Incident report(PersonSummary reporter, Map<String, String> values) {
		Map<String, String> problems = new LinkedHashMap<>();
		Incident.Kind kind = null;
		try {
			kind = Incident.Kind.valueOf(values.getOrDefault("kind", "").toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			problems.put("kind", "premises.error.kind");
		}
		String place = text(values, "where", 300, true, problems);
		String description = text(values, "description", 4000, false, problems);
		DeviceLosses.Choice device = kind == Incident.Kind.LOST_DEVICE ? device(reporter, values, problems) : null;
		Instant now = clock.instant();
		Instant when = now;
		String typed = values.get("when");
		if (typed != null && !typed.isBlank()) {
			try {
				when = LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
				if (when.isAfter(now.plusSeconds(300))) {
					problems.put("when", "premises.error.in-the-future");
				}
			}
			catch (DateTimeParseException e) {
				problems.put("when", "premises.error.date");
			}
		}
		if (!problems.isEmpty()) {
			throw new VisitSteps.InvalidForm(problems);
		}
		Incident incident = new Incident(UUID.randomUUID(), kind, place, when, description,
				device == null ? null : device.name(), device == null ? null : device.id(), reporter.id(),
				Incident.Status.NEW, now, null, null, null);
		incidents.insert(incident);
		if (device != null) {
			losses.reportLost(device.id(), "premises:incident:" + incident.id(), now);
		}
		boolean alert = kind == Incident.Kind.UNRECOGNISED_PERSON;
		if (alert) {
			alert(incident, reporter);
		}
		events.publishEvent(new IncidentReported(incident.id(), kind.name(), alert, "reported: " + kind.name(),
				Actors.current(), now));
		return incident;
	}

	/**
	 * The lost device chosen (field {@code device}, its id): one of the reporter's own enrolled
	 * devices, or any enrolled device for the security team. None chosen is allowed (a device not in
	 * the inventory is described in the text).
	 */
	private DeviceLosses.Choice device(PersonSummary reporter, Map<String, String> values, Map<String, String> problems) {
		String typed = values.get("device");
		if (typed == null || typed.isBlank()) {
			return null;
		}
		DeviceLosses.Choice chosen = deviceChoices(reporter).stream()
				.filter(d -> d.id().toString().equals(typed.strip())).findFirst().orElse(null);
		if (chosen == null) {
			problems.put("device", "premises.error.device");
		}
		return chosen;
	}

	/** The devices this reporter may say are lost: their own, or every enrolled one for the security team. */
	@PreAuthorize(VisitSteps.EMPLOYEE)
	@Transactional(readOnly = true)
	public List<DeviceLosses.Choice> deviceChoices(PersonSummary reporter) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		boolean security = auth != null && auth.getAuthorities().stream()
				.anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.SECURITY.name()));
		return security ? losses.enrolled() : losses.ownedBy(reporter.id());
	}

	/** The reporter's manager and every active member of the security team, each in their language. */
	private void alert(Incident incident, PersonSummary reporter) {
		if (reporter.managerId() != null) {
			directory.person(reporter.managerId()).filter(PersonSummary::active)
					.ifPresent(m -> messages.incident(incident, m.email(), m.name(), m.language()));
		}
		for (UserSummary user : identity.usersWithRole(Role.SECURITY)) {
			messages.incident(incident, user.email(), user.displayName(), user.language());
		}
		webhook.alert(incident);
	}

	@PreAuthorize(SECURITY)
	@Transactional
	public Incident acknowledge(UUID id) {
		Incident incident = find(id).acknowledge(clock.instant());
		incidents.updateStatus(incident);
		events.publishEvent(new IncidentAcknowledged(id, "acknowledged after " + incident.timeToAcknowledge(),
				Actors.current(), clock.instant()));
		return incident;
	}

	@PreAuthorize(SECURITY)
	@Transactional
	public Incident resolve(UUID id, String outcome) {
		Map<String, String> problems = new LinkedHashMap<>();
		String said = text(Map.of("outcome", outcome == null ? "" : outcome), "outcome", 2000, true, problems);
		if (!problems.isEmpty()) {
			throw new VisitSteps.InvalidForm(problems);
		}
		Incident incident = find(id).resolve(said, clock.instant());
		incidents.updateStatus(incident);
		events.publishEvent(new IncidentResolved(id, "resolved", Actors.current(), clock.instant()));
		return incident;
	}

	/** Open reports first, then the latest resolved ones, with their reporters' names. */
	@PreAuthorize(IncidentsController.READERS)
	@Transactional(readOnly = true)
	public List<IncidentRow> latest() {
		List<Incident> found = incidents.latest(200);
		Map<UUID, PersonSummary> reporters = directory
				.people(found.stream().map(Incident::reporterId).filter(Objects::nonNull).distinct().toList());
		return found.stream().map(i -> new IncidentRow(i.id(), i.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
				i.place(), i.occurredAt(), i.description(), i.deviceRef(),
				reporters.containsKey(i.reporterId()) ? reporters.get(i.reporterId()).name() : null, i.status().name(),
				i.reportedAt(), i.timeToAcknowledge(), i.outcome())).toList();
	}

	private Incident find(UUID id) {
		return incidents.find(id).orElseThrow(() -> new NotFound("No such incident"));
	}

	static String text(Map<String, String> values, String name, int max, boolean required,
			Map<String, String> problems) {
		String v = values.get(name);
		v = v == null || v.isBlank() ? null : v.strip();
		if (v == null && required) {
			problems.put(name, "premises.error.required");
		}
		else if (v != null && v.length() > max) {
			problems.put(name, "premises.error.too-long");
		}
		return v;
	}
}
