package io.charter.people.duties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.charter.people.PersonSummary;
import io.charter.shared.Duty;

/**
 * Every duty's standings, asked in bulk: one call per duty (in the duty's own chunks) for all the
 * overview's people, so the overview costs the same few queries for ten or ten thousand people.
 */
@Service
public class Compliance {

	private final DutyList duties;
	private final Clock clock;
	private final ZoneId zone;

	Compliance(DutyList duties, Clock clock,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.duties = duties;
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** The duties in force now; a request reads them once (the overview takes them from its {@link Standings}). */
	List<Duty> duties() {
		return duties.now();
	}

	/** The signed-in person's own duties; no method security: the caller passes only themselves. */
	List<DutyRow> of(PersonSummary person) {
		LocalDate today = today();
		return duties().stream().map(d -> new DutyRow(d, d.standings(List.of(person.id()), today).get(person.id())))
				.filter(r -> r.standing() != null).toList();
	}

	/**
	 * The overview's standings: every duty asked once for all these people (the department's active
	 * people, by name), then narrowed to those standing in {@code state} on {@code dutyId} when both
	 * are given. The totals, the page and the CSV export all read this one answer: a duty's standing
	 * of a person does not depend on who else is asked, so asking again per page (or again for the
	 * totals after filtering on a state) only repeated the same queries.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY', 'AUDITOR')")
	public Standings standings(List<UUID> people, String dutyId, Duty.State state) {
		LocalDate today = today();
		List<Duty> duties = duties();
		List<Map<UUID, Duty.Standing>> byDuty = duties.stream().map(d -> d.standings(people, today)).toList();
		List<UUID> matching = people;
		int filtered = dutyId == null ? -1 : duties.stream().map(Duty::id).toList().indexOf(dutyId);
		if (state != null && filtered >= 0) {
			Map<UUID, Duty.Standing> on = byDuty.get(filtered);
			matching = people.stream().filter(id -> on.get(id) != null && on.get(id).state() == state).toList();
		}
		return new Standings(duties, byDuty, matching);
	}

	/**
	 * Every duty's standings for the overview's people, and which of them the filter keeps.
	 *
	 * @param byDuty per duty, in the duties' order, the standing of each person it applies to
	 * @param matching the people the filter keeps, by name
	 */
	public record Standings(List<Duty> duties, List<Map<UUID, Duty.Standing>> byDuty, List<UUID> matching) {

		/** Per duty, how many of the matching people stand where. */
		public List<DutyTotal> totals() {
			List<DutyTotal> totals = new ArrayList<>(duties.size());
			for (int i = 0; i < duties.size(); i++) {
				int[] counts = new int[Duty.State.values().length];
				Map<UUID, Duty.Standing> on = byDuty.get(i);
				for (UUID id : matching) {
					Duty.Standing standing = on.get(id);
					if (standing != null) {
						counts[standing.state().ordinal()]++;
					}
				}
				totals.add(new DutyTotal(duties.get(i), counts[Duty.State.DONE.ordinal()], counts[Duty.State.DUE.ordinal()],
						counts[Duty.State.OVERDUE.ordinal()], counts[Duty.State.EXEMPTED.ordinal()]));
			}
			return totals;
		}

		/** These people (of the matching ones) with their standing on every duty. */
		public List<PersonDuties> rows(List<PersonSummary> people) {
			List<PersonDuties> rows = new ArrayList<>(people.size());
			for (PersonSummary person : people) {
				List<DutyRow> row = new ArrayList<>(duties.size());
				for (int i = 0; i < duties.size(); i++) {
					row.add(new DutyRow(duties.get(i), byDuty.get(i).get(person.id())));
				}
				rows.add(new PersonDuties(person, row));
			}
			return rows;
		}
	}
}
