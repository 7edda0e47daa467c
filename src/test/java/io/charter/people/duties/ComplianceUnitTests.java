package io.charter.people.duties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.charter.people.PersonKind;
import io.charter.people.PersonStatus;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;
import io.charter.shared.Duty.Standing;
import io.charter.shared.Duty.State;

/**
 * The overview's standings: each duty is asked once, for all the filter's people, whether or not a
 * state filter narrows them; totals count over the narrowed people only, exempted people included.
 */
class ComplianceUnitTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

	private final UUID ann = UUID.randomUUID();
	private final UUID bob = UUID.randomUUID();
	private final UUID cas = UUID.randomUUID();
	private final UUID dee = UUID.randomUUID();

	private final Asked training = new Asked("training", Map.of(ann, done(), bob, overdue(), cas, overdue(),
			dee, new Standing(State.EXEMPTED, null, TODAY.plusDays(30))));
	// The policy does not apply to dee.
	private final Asked policy = new Asked("policy-x", Map.of(ann, overdue(), bob, done(), cas, due()));
	private final Compliance compliance = new Compliance(new DutyList(List.of(training, policy), List.of()),
			Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC), ZoneId.of("Europe/Brussels"));

	@Test
	void aStateFilterAsksEveryDutyOnceAndCountsOnlyThePeopleItKeeps() {
		Compliance.Standings standings = compliance.standings(List.of(ann, bob, cas, dee), "training", State.OVERDUE);

		assertThat(training.asked).containsExactly(List.of(ann, bob, cas, dee));
		assertThat(policy.asked).containsExactly(List.of(ann, bob, cas, dee));
		assertThat(standings.matching()).containsExactly(bob, cas);
		assertThat(standings.totals()).extracting(t -> List.of(t.done(), t.due(), t.overdue(), t.exempted(), t.applies()))
				.containsExactly(List.of(0, 0, 2, 0, 2), List.of(1, 1, 0, 0, 2));
		List<PersonDuties> rows = standings.rows(List.of(person(cas)));
		assertThat(rows).singleElement().satisfies(row -> assertThat(row.duties())
				.extracting(d -> d.standing().state()).containsExactly(State.OVERDUE, State.DUE));
	}

	@Test
	void withoutAFilterEveryoneIsKeptAndExemptedPeopleAreInScope() {
		Compliance.Standings standings = compliance.standings(List.of(ann, bob, cas, dee), null, null);

		assertThat(standings.matching()).containsExactly(ann, bob, cas, dee);
		assertThat(standings.totals()).extracting(t -> List.of(t.done(), t.due(), t.overdue(), t.exempted(), t.applies()))
				.containsExactly(List.of(1, 0, 2, 1, 4), List.of(1, 1, 1, 0, 3));
		// A duty that does not apply leaves an empty cell, not a missing column.
		assertThat(standings.rows(List.of(person(dee))).get(0).duties()).extracting(DutyRow::standing)
				.containsExactly(new Standing(State.EXEMPTED, null, TODAY.plusDays(30)), null);
	}

	@Test
	void anUnknownDutyFiltersNothing() {
		assertThat(compliance.standings(List.of(ann, bob), "nope", State.DONE).matching()).containsExactly(ann, bob);
	}

	private static Standing done() {
		return new Standing(State.DONE, TODAY.minusMonths(1), null);
	}

	private static Standing due() {
		return new Standing(State.DUE, null, TODAY.plusDays(10));
	}

	private static Standing overdue() {
		return new Standing(State.OVERDUE, null, TODAY.minusDays(1));
	}

	private static PersonSummary person(UUID id) {
		return new PersonSummary(id, "P " + id, id + "@example.test", null, PersonKind.EMPLOYEE, "IT", null, null,
				null, PersonStatus.ACTIVE, "en");
	}

	/** A provider's duties are read on each request: one added since the last is asked at once, after the fixed ones. */
	@Test
	void aProvidersDutiesAreReadOnEachRequest() {
		List<Duty> provided = new ArrayList<>();
		Compliance live = new Compliance(new DutyList(List.of(training), List.of(() -> List.copyOf(provided))),
				Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC), ZoneId.of("Europe/Brussels"));
		assertThat(live.standings(List.of(ann, bob), null, null).duties()).containsExactly(training);

		provided.add(policy);
		Compliance.Standings standings = live.standings(List.of(ann, bob), null, null);
		assertThat(standings.duties()).containsExactly(training, policy);
		assertThat(standings.totals().get(1).done()).isOne();
		assertThat(live.duties()).containsExactly(training, policy);
	}

	/** A duty with fixed standings that records who it was asked about. */
	private static final class Asked implements Duty {

		private final String id;
		private final Map<UUID, Standing> all;
		final List<List<UUID>> asked = new ArrayList<>();

		Asked(String id, Map<UUID, Standing> all) {
			this.id = id;
			this.all = all;
		}

		@Override
		public String id() {
			return id;
		}

		@Override
		public String titleKey() {
			return id;
		}

		@Override
		public Set<String> clauses() {
			return Set.of();
		}

		@Override
		public Map<UUID, Standing> standings(Collection<UUID> people, LocalDate today) {
			asked.add(List.copyOf(people));
			Map<UUID, Standing> found = new HashMap<>();
			people.forEach(p -> {
				if (all.containsKey(p)) {
					found.put(p, all.get(p));
				}
			});
			return found;
		}

		@Override
		public String actionPath() {
			return "/" + id;
		}
	}
}
