package io.charter.people.duties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.charter.people.Directory;
import io.charter.people.PeopleFilter;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;

/**
 * Every duty's standings, asked in bulk: one call per duty for a page of people, and one per duty (in
 * the duty's own chunks) for the totals, so the overview costs the same few queries for ten or ten
 * thousand people.
 */
@Service
public class Compliance {

	private final List<Duty> duties;
	private final Directory directory;
	private final Clock clock;
	private final ZoneId zone;

	Compliance(List<Duty> duties, Directory directory, Clock clock,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.duties = List.copyOf(duties);
		this.directory = directory;
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	List<Duty> duties() {
		return duties;
	}

	/** The signed-in person's own duties; no method security: the caller passes only themselves. */
	List<DutyRow> of(PersonSummary person) {
		LocalDate today = today();
		return duties.stream().map(d -> new DutyRow(d, d.standings(List.of(person.id()), today).get(person.id())))
				.filter(r -> r.standing() != null).toList();
	}

	/** One page of the overview: the people and every duty's standing for them. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY', 'AUDITOR')")
	public List<PersonDuties> page(List<PersonSummary> people) {
		LocalDate today = today();
		List<UUID> ids = people.stream().map(PersonSummary::id).toList();
		List<Map<UUID, Duty.Standing>> standings = duties.stream().map(d -> d.standings(ids, today)).toList();
		List<PersonDuties> rows = new ArrayList<>(people.size());
		for (PersonSummary person : people) {
			List<DutyRow> row = new ArrayList<>(duties.size());
			for (int i = 0; i < duties.size(); i++) {
				row.add(new DutyRow(duties.get(i), standings.get(i).get(person.id())));
			}
			rows.add(new PersonDuties(person, row));
		}
		return rows;
	}

	/** Per duty, how many of the filtered people stand where. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY', 'AUDITOR')")
	public List<DutyTotal> totals(PeopleFilter filter) {
		return totals(directory.ids(filter));
	}

	List<DutyTotal> totals(Collection<UUID> ids) {
		LocalDate today = today();
		return duties.stream().map(d -> {
			int[] counts = new int[3];
			d.standings(ids, today).values().forEach(s -> counts[s.state().ordinal()]++);
			return new DutyTotal(d, counts[0], counts[1], counts[2]);
		}).toList();
	}
}
