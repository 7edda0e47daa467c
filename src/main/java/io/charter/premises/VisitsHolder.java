package io.charter.premises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * Visits (found by the visitor's address, or by the requester's name for visits registered without an
 * address: a walk-in often gives none) and incident reports (by the reporter's address in the
 * directory) and clean-desk findings (by the address of the person whose desk it was) answer
 * data-subject requests. Erasure clears the visitor and takes the reporter off the
 * report; the rows stay so that the month's counts and the security record stay true.
 */
@Component
class VisitsHolder implements PersonalDataHolder {

	private final Visits visits;
	private final Incidents incidents;
	private final DeskChecks deskChecks;
	private final Directory directory;
	private final VisitSteps steps;
	private final MessageSource messages;
	private final PremisesSettings settings;

	VisitsHolder(Visits visits, Incidents incidents, DeskChecks deskChecks, Directory directory, VisitSteps steps,
			MessageSource messages, PremisesSettings settings) {
		this.settings = settings;
		this.visits = visits;
		this.incidents = incidents;
		this.deskChecks = deskChecks;
		this.directory = directory;
		this.steps = steps;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "premises";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		int records = visits.ofVisitor(subject.email(), subject.givenName().orElse(null)).size() + reports(subject).size()
				+ deskFindings(subject).size();
		if (records == 0) {
			return Holding.none();
		}
		Locale locale = subject.locale();
		return new Holding(records, text("premises.holding.purposes", locale), text("premises.holding.categories", locale),
				text("premises.holding.recipients", locale), text("premises.holding.retention", locale, settings.visitorRetention().toDays()),
				text("premises.holding.source", locale));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		List<Dataset> sets = new ArrayList<>();
		List<Map<String, Object>> rows = visits.ofVisitor(subject.email(), subject.givenName().orElse(null)).stream().map(v -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", v.visitorName());
			row.put("company", v.company());
			row.put("email", v.email());
			row.put("expectedAt", v.expectedAt().toString());
			row.put("checkedInAt", v.checkedInAt() == null ? null : v.checkedInAt().toString());
			row.put("checkedOutAt", v.checkedOutAt() == null ? null : v.checkedOutAt().toString());
			row.put("badge", v.badge());
			return row;
		}).toList();
		if (!rows.isEmpty()) {
			sets.add(new Dataset("premises-visits", rows));
		}
		List<Map<String, Object>> reported = reports(subject).stream().map(i -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("kind", i.kind().name());
			row.put("where", i.place());
			row.put("occurredAt", i.occurredAt().toString());
			row.put("description", i.description());
			row.put("status", i.status().name());
			return row;
		}).toList();
		if (!reported.isEmpty()) {
			sets.add(new Dataset("premises-incident-reports", reported));
		}
		List<Map<String, Object>> desk = deskFindings(subject).stream().map(f -> {
			Map<String, Object> row = new LinkedHashMap<>();
			deskChecks.find(f.checkId()).ifPresent(c -> {
				row.put("checkedOn", c.checkedOn().toString());
				row.put("area", c.area());
			});
			row.put("desk", f.desk());
			row.put("found", f.found());
			row.put("followUp", f.followUp());
			row.put("notifiedAt", f.notifiedAt() == null ? null : f.notifiedAt().toString());
			return row;
		}).toList();
		if (!desk.isEmpty()) {
			sets.add(new Dataset("premises-clean-desk-findings", desk));
		}
		return sets;
	}

	@Override
	@Transactional
	public Outcome erase(DataSubject subject) {
		int cleared = 0;
		for (Visit v : visits.ofVisitor(subject.email(), subject.givenName().orElse(null))) {
			cleared += steps.anonymise(v.id(), "data-subject-request:" + subject.requestId());
		}
		int reports = directory.byEmail(subject.email())
				.map(p -> incidents.anonymise(p.id()) + deskChecks.anonymise(p.id())).orElse(0);
		if (cleared + reports == 0) {
			return Outcome.nothingHeld();
		}
		return Outcome.partly(cleared + reports, "Visitors cleared, reporters taken off their reports and people off the"
				+ " clean-desk findings on their desk: the rows stay without the person, for the counts and the security"
				+ " record.");
	}

	@Override
	@Transactional(readOnly = true)
	public Outcome restrict(DataSubject subject) {
		if (find(subject).records() == 0) {
			return Outcome.nothingHeld();
		}
		return Outcome.notApplicable("The register of visitors serves the security of the premises; it is anonymised"
				+ " after its retention period.");
	}

	private List<Incident> reports(DataSubject subject) {
		return directory.byEmail(subject.email()).map(p -> incidents.ofReporter(p.id())).orElse(List.of());
	}

	private List<DeskCheck.Finding> deskFindings(DataSubject subject) {
		return directory.byEmail(subject.email()).map(p -> deskChecks.ofPerson(p.id())).orElse(List.of());
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
