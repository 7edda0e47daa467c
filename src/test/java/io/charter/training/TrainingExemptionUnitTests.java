package io.charter.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.charter.shared.Duty.Standing;
import io.charter.shared.Duty.State;
import io.charter.shared.exemption.ExemptionGrant;
import io.charter.shared.exemption.ExemptionSubject;
import io.charter.shared.exemption.ExemptionsInForce;

/** A person exempted from S1 (long-term leave) is neither due nor overdue while the exemption is in force. */
class TrainingExemptionUnitTests {

	static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
	final UUID person = UUID.randomUUID();
	final Standing overdue = new Standing(State.OVERDUE, LocalDate.of(2025, 1, 5), LocalDate.of(2026, 1, 5));

	ExemptionsInForce granted(String clause, String check, ExemptionSubject subject) {
		return new ExemptionsInForce(TODAY, List.of(new ExemptionGrant(UUID.randomUUID(), clause, check, subject,
				LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30))));
	}

	@Test
	void anOverduePersonExemptedFromS1IsExemptedUntilItsLastDay() {
		assertThat(TrainingDuty.exempted(overdue, person, granted("S1", null, ExemptionSubject.person(person))))
				.isEqualTo(new Standing(State.EXEMPTED, LocalDate.of(2025, 1, 5), LocalDate.of(2027, 6, 30)));
		assertThat(TrainingDuty.exempted(overdue, person, granted("S1", "training", ExemptionSubject.organisation()))
				.state()).isEqualTo(State.EXEMPTED);
	}

	@Test
	void anotherClauseAnotherPersonOrNoExemptionLeavesTheStanding() {
		assertThat(TrainingDuty.exempted(overdue, person, granted("S5", null, ExemptionSubject.person(person))))
				.isEqualTo(overdue);
		assertThat(TrainingDuty.exempted(overdue, person,
				granted("S1", null, ExemptionSubject.person(UUID.randomUUID())))).isEqualTo(overdue);
		assertThat(TrainingDuty.exempted(overdue, person, ExemptionsInForce.NONE)).isEqualTo(overdue);
	}

	@Test
	void aPersonWhoIsDoneStaysDone() {
		Standing done = new Standing(State.DONE, LocalDate.of(2026, 12, 1), null);
		assertThat(TrainingDuty.exempted(done, person, granted("S1", null, ExemptionSubject.person(person))))
				.isEqualTo(done);
	}
}
