package io.charter.premises;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.premises.PremisesEvent.DeskCheckRecorded;
import io.charter.premises.PremisesEvent.DeskFindingRecorded;
import io.charter.premises.web.DeskCheckRow;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;

/**
 * Clean-desk spot checks (clause S4: desks cleared of sensitive material): the security team records
 * the area walked and the desks checked, then what it found on a desk; a finding may tell the person
 * whose desk it is, in their language.
 */
@Service
class CleanDeskSteps {

	static final String READERS = IncidentsController.READERS;

	private final DeskChecks checks;
	private final Directory directory;
	private final PremisesMessages messages;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ZoneId zone;

	CleanDeskSteps(DeskChecks checks, Directory directory, PremisesMessages messages, ApplicationEventPublisher events,
			Clock clock, @Value(PremisesSettings.ZONE) ZoneId zone) {
		this.checks = checks;
		this.directory = directory;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** Fields {@code day} (ISO date, not in the future), {@code area}, {@code desks} (at least one). */
	@PreAuthorize(IncidentSteps.SECURITY)
	@Transactional
	public DeskCheck record(Map<String, String> values) {
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate day = null;
		String typed = IncidentSteps.text(values, "day", 40, true, problems);
		if (typed != null) {
			try {
				day = LocalDate.parse(typed);
				if (day.isAfter(LocalDate.now(clock.withZone(zone)))) {
					problems.put("day", "premises.error.in-the-future");
				}
			}
			catch (DateTimeParseException e) {
				problems.put("day", "premises.error.day");
			}
		}
		String area = IncidentSteps.text(values, "area", 200, true, problems);
		int desks = 0;
		String count = IncidentSteps.text(values, "desks", 6, true, problems);
		if (count != null) {
			try {
				desks = Integer.parseInt(count);
			}
			catch (NumberFormatException e) {
				desks = 0;
			}
			if (desks < 1) {
				problems.put("desks", "premises.error.desks");
			}
		}
		if (!problems.isEmpty()) {
			throw new VisitSteps.InvalidForm(problems);
		}
		DeskCheck check = new DeskCheck(UUID.randomUUID(), day, area, desks, Actors.current(), clock.instant());
		checks.insert(check);
		events.publishEvent(new DeskCheckRecorded(check.id(), desks, "clean-desk check of " + desks + " desks",
				Actors.current(), clock.instant()));
		return check;
	}

	/**
	 * Fields {@code desk}, {@code found}, optionally {@code person} (an address or a part of the name
	 * only one active person matches), {@code followUp}, and {@code notify} to e-mail that person.
	 */
	@PreAuthorize(IncidentSteps.SECURITY)
	@Transactional
	public DeskCheck.Finding addFinding(UUID checkId, Map<String, String> values) {
		DeskCheck check = checks.find(checkId).orElseThrow(() -> new NotFound("No such clean-desk check"));
		Map<String, String> problems = new LinkedHashMap<>();
		String desk = IncidentSteps.text(values, "desk", 100, true, problems);
		String found = IncidentSteps.text(values, "found", 2000, true, problems);
		String followUp = IncidentSteps.text(values, "followUp", 2000, false, problems);
		String named = IncidentSteps.text(values, "person", 320, false, problems);
		PersonSummary person = null;
		if (named != null) {
			List<PersonSummary> matches = VisitSteps.matching(directory, named);
			if (matches.size() == 1) {
				person = matches.get(0);
			}
			else {
				problems.put("person", matches.isEmpty() ? "premises.error.host-unknown" : "premises.error.host-ambiguous");
			}
		}
		boolean notify = "on".equals(values.get("notify")) || "true".equals(values.get("notify"));
		if (notify && named == null) {
			problems.put("person", "premises.error.notify-without-person");
		}
		if (!problems.isEmpty()) {
			throw new VisitSteps.InvalidForm(problems);
		}
		DeskCheck.Finding finding = new DeskCheck.Finding(UUID.randomUUID(), check.id(), desk, found,
				person == null ? null : person.id(), followUp, notify ? clock.instant() : null, clock.instant());
		checks.insert(finding);
		if (notify) {
			messages.deskFinding(check, finding, person);
		}
		events.publishEvent(new DeskFindingRecorded(check.id(), finding.id(), notify,
				notify ? "finding recorded, person told" : "finding recorded", Actors.current(), clock.instant()));
		return finding;
	}

	@PreAuthorize(READERS)
	@Transactional(readOnly = true)
	public List<DeskCheckRow> latest() {
		return checks.latest(100).stream().map(this::row).toList();
	}

	@PreAuthorize(READERS)
	@Transactional(readOnly = true)
	public DeskCheckRow one(UUID id) {
		return row(checks.find(id).orElseThrow(() -> new NotFound("No such clean-desk check")));
	}

	private DeskCheckRow row(DeskCheck check) {
		List<DeskCheck.Finding> findings = checks.findings(check.id());
		Map<UUID, PersonSummary> people = directory
				.people(findings.stream().map(DeskCheck.Finding::personId).filter(Objects::nonNull).distinct().toList());
		return new DeskCheckRow(check.id(), check.checkedOn(), check.area(), check.desksChecked(),
				findings.stream().map(f -> new DeskCheckRow.Finding(f.desk(), f.found(),
						people.containsKey(f.personId()) ? people.get(f.personId()).name() : null, f.followUp(),
						f.notifiedAt())).toList());
	}
}
