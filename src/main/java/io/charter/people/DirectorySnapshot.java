package io.charter.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory held in memory for a batch of changes: lookups answer from maps kept up to date
 * with every change, and the writes wait in order until {@link #flush}. Consecutive writes of one
 * kind go out as one JDBC batch; keeping their order keeps the unique e-mail and employee id
 * indexes satisfied at every step, as they were when the changes were checked one after another.
 */
final class DirectorySnapshot implements DirectoryRows {

	private record Write(PersonSummary person, boolean insert, Instant at) {
	}

	private final Map<UUID, PersonSummary> byId = new HashMap<>();
	private final Map<String, UUID> byEmail = new HashMap<>();
	private final Map<String, UUID> byEmployeeId = new HashMap<>();
	private final List<Write> writes = new ArrayList<>();

	DirectorySnapshot(List<PersonSummary> people) {
		people.forEach(this::index);
	}

	@Override
	public Optional<PersonSummary> findById(UUID id) {
		return Optional.ofNullable(byId.get(id));
	}

	@Override
	public Optional<PersonSummary> findByEmail(String email) {
		return Optional.ofNullable(byEmail.get(People.normalise(email))).map(byId::get);
	}

	@Override
	public Optional<PersonSummary> findByEmployeeId(String employeeId) {
		return Optional.ofNullable(byEmployeeId.get(employeeId)).map(byId::get);
	}

	@Override
	public void insert(PersonSummary person, Instant now) {
		index(person);
		writes.add(new Write(person, true, now));
	}

	@Override
	public void update(PersonSummary person, Instant now) {
		PersonSummary before = byId.get(person.id());
		if (before != null) {
			byEmail.remove(People.normalise(before.email()), before.id());
			if (before.employeeId() != null) {
				byEmployeeId.remove(before.employeeId(), before.id());
			}
		}
		index(person);
		writes.add(new Write(person, false, now));
	}

	/** Sends the waiting writes, in order, a batch for each run of inserts or of updates. */
	void flush(People people) {
		int from = 0;
		for (int i = 1; i <= writes.size(); i++) {
			if (i == writes.size() || writes.get(i).insert() != writes.get(from).insert()) {
				List<Write> run = writes.subList(from, i);
				people.write(run.stream().map(w -> new People.Row(w.person(), w.at())).toList(), run.get(0).insert());
				from = i;
			}
		}
		writes.clear();
	}

	private void index(PersonSummary person) {
		byId.put(person.id(), person);
		if (person.email() != null) {
			byEmail.put(People.normalise(person.email()), person.id());
		}
		if (person.employeeId() != null) {
			byEmployeeId.put(person.employeeId(), person.id());
		}
	}
}
