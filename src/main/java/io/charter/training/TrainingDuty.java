package io.charter.training;

import java.time.Period;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;
import io.charter.shared.exemption.ExemptionLookup;
import io.charter.shared.exemption.ExemptionSubject;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * Clause S1: attend the security training every year ({@code charter.training.valid-for}); a new
 * joiner within {@code charter.training.new-joiner-within} of the start date. Leavers are out of
 * scope. Two queries whatever the number of people: the active directory and the last attendances.
 */
@Component
class TrainingDuty implements Duty {

	static final String ID = "training";

	private final Directory directory;
	private final Enrolments enrolments;
	private final TrainingSettings settings;
	private final ZoneId zone;
	private final ExemptionLookup exemptions;

	/** An exemption from S1 (check {@code training}, or the whole clause) stops a person being due or overdue. */
	@Autowired
	TrainingDuty(Directory directory, Enrolments enrolments, TrainingSettings settings,
			@Value(TrainingSettings.ZONE) ZoneId zone, ObjectProvider<ExemptionLookup> exemptions) {
		this(directory, enrolments, settings, zone, exemptions.getIfAvailable(() -> ExemptionLookup.NONE));
	}

	TrainingDuty(Directory directory, Enrolments enrolments, TrainingSettings settings, ZoneId zone) {
		this(directory, enrolments, settings, zone, ExemptionLookup.NONE);
	}

	TrainingDuty(Directory directory, Enrolments enrolments, TrainingSettings settings, ZoneId zone,
			ExemptionLookup exemptions) {
		this.exemptions = exemptions;
		this.zone = zone;
		this.directory = directory;
		this.enrolments = enrolments;
		this.settings = settings;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String titleKey() {
		return "training.duty";
	}

	@Override
	public Set<String> clauses() {
		return Set.of("S1");
	}

	@Override
	public String actionPath() {
		return TrainingMessages.ENROL_PATH;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Standing> standings(Collection<UUID> people, LocalDate today) {
		Set<UUID> asked = new HashSet<>(people);
		return standingsOf(directory.active(null).stream().filter(p -> asked.contains(p.id())).toList(), today);
	}

	/**
	 * The standings of these active people, as read from the directory by the caller (the control
	 * report reads it once for everyone); a leaver whose end date has passed is left out.
	 */
	Map<UUID, Standing> standingsOf(List<PersonSummary> active, LocalDate today) {
		List<PersonSummary> inScope = active.stream()
				.filter(p -> p.endDate() == null || !p.endDate().isBefore(today)).toList();
		Map<UUID, LocalDate> last = enrolments.lastAttended(inScope.stream().map(PersonSummary::id).toList(),
				zone);
		// Without a start date, the new joiner's time runs from the day they entered the directory.
		Map<UUID, java.time.Instant> added = directory.addedAt(
				inScope.stream().filter(p -> p.startDate() == null).map(PersonSummary::id).toList());
		ExemptionsInForce exempt = exemptions.inForce(today);
		Map<UUID, Standing> standings = new HashMap<>();
		for (PersonSummary person : inScope) {
			LocalDate start = person.startDate() != null ? person.startDate()
					: Optional.ofNullable(added.get(person.id())).map(at -> LocalDate.ofInstant(at, zone)).orElse(today);
			standings.put(person.id(), exempted(standing(start, last.get(person.id()), today), person.id(), exempt));
		}
		return standings;
	}

	/** The exemptions in force on this day, as the standings read them. */
	ExemptionsInForce exemptionsOn(LocalDate today) {
		return exemptions.inForce(today);
	}

	/**
	 * The first day an attendance on which still counts today: the duty's rule ({@link #standing}:
	 * done while today is not after that day plus the validity) solved for the day. A period of months
	 * is not undone by subtracting it (31 March less a month is 28 February, and 28 February plus a
	 * month is only 28 March), so the day found by subtracting is moved to where the rule changes;
	 * adding a period never moves a later day earlier, so the rule holds from that day on.
	 */
	LocalDate validSince(LocalDate today) {
		Period validFor = settings.validFor();
		LocalDate day = today.minus(validFor);
		while (!today.isAfter(day.minusDays(1).plus(validFor))) {
			day = day.minusDays(1);
		}
		while (today.isAfter(day.plus(validFor))) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** A standing not done becomes exempted while an exemption from S1 covers the person. */
	static Standing exempted(Standing standing, UUID person, ExemptionsInForce exempt) {
		if (standing.state() == State.DONE) {
			return standing;
		}
		return exempt.covering("S1", ID, ExemptionSubject.person(person))
				.map(grant -> new Standing(State.EXEMPTED, standing.doneOn(), grant.until())).orElse(standing);
	}

	/**
	 * Done while the last attendance is within the validity (its last day included); then due again,
	 * and overdue the day after. Never attended: due by the start date plus the new joiner's time;
	 * the caller gives the day the person entered the directory when it has no start date.
	 */
	Standing standing(LocalDate startDate, LocalDate lastAttended, LocalDate today) {
		if (lastAttended != null) {
			LocalDate validUntil = lastAttended.plus(settings.validFor());
			if (!today.isAfter(validUntil)) {
				return new Standing(State.DONE, lastAttended, null);
			}
			return new Standing(State.OVERDUE, lastAttended, validUntil);
		}
		LocalDate dueBy = startDate == null ? today : startDate.plus(settings.newJoinerWithin());
		return new Standing(today.isAfter(dueBy) ? State.OVERDUE : State.DUE, null, dueBy);
	}
}
