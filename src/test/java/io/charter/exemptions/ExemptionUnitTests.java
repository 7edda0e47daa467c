package io.charter.exemptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.charter.exemptions.Exemption.Action;
import io.charter.exemptions.Exemption.ExemptionAlreadyDecided;
import io.charter.exemptions.Exemption.Status;
import io.charter.shared.RuleViolation;
import io.charter.shared.exemption.ExemptionSubject;

class ExemptionUnitTests {

	static Exemption exemption(Status status, int approvalsNeeded) {
		return new Exemption(UUID.randomUUID(), "S5", "screen-lock", ExemptionSubject.organisation(), null, "why",
				null, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-06-30"), status, approvalsNeeded, null,
				"user:requester", Instant.parse("2026-12-01T10:00:00Z"), null, null, null);
	}

	@Test
	void nobodyApprovesTheirOwnRequest() {
		assertThatThrownBy(() -> exemption(Status.PENDING, 1).approvedBy("user:requester", false, 0))
				.isExactlyInstanceOf(RuleViolation.class).hasMessage("exemptions.error.own-request");
	}

	@Test
	void norThroughOneOfTheirApiTokens() {
		assertThatThrownBy(() -> exemption(Status.PENDING, 1).approvedBy("user:requester/token:abc", false, 0))
				.isExactlyInstanceOf(RuleViolation.class).hasMessage("exemptions.error.own-request");
	}

	@Test
	void anOrganisationWideExemptionWaitsForASecondDifferentApprover() {
		Exemption e = exemption(Status.PENDING, 2);
		assertThat(e.approvedBy("user:first", false, 0)).isEqualTo(Status.PENDING);
		assertThatThrownBy(() -> e.approvedBy("user:first", true, 1)).isExactlyInstanceOf(RuleViolation.class)
				.hasMessage("exemptions.error.second-approver");
		assertThat(e.approvedBy("user:second", false, 1)).isEqualTo(Status.APPROVED);
	}

	@Test
	void aDecidedExemptionIsNeverDecidedAgain() {
		for (Status decided : new Status[] { Status.APPROVED, Status.REFUSED, Status.REVOKED, Status.EXPIRED,
				Status.ENDED }) {
			assertThatThrownBy(() -> exemption(decided, 1).approvedBy("user:other", false, 0))
					.isExactlyInstanceOf(ExemptionAlreadyDecided.class);
			assertThatThrownBy(() -> exemption(decided, 1).require(Action.REFUSE))
					.isExactlyInstanceOf(ExemptionAlreadyDecided.class);
		}
		assertThat(exemption(Status.APPROVED, 1).allowedActions()).containsExactlyInAnyOrder(Action.REVOKE,
				Action.RENEW);
		assertThat(exemption(Status.REFUSED, 1).allowedActions()).isEmpty();
	}

	@Test
	void inForceFromItsFirstToItsLastDayOnlyOnceApproved() {
		Exemption approved = exemption(Status.APPROVED, 1);
		assertThat(approved.inForce(LocalDate.parse("2026-12-31"))).isFalse();
		assertThat(approved.inForce(LocalDate.parse("2027-01-01"))).isTrue();
		assertThat(approved.inForce(LocalDate.parse("2027-06-30"))).isTrue();
		assertThat(approved.inForce(LocalDate.parse("2027-07-01"))).isFalse();
		assertThat(exemption(Status.PENDING, 1).inForce(LocalDate.parse("2027-02-01"))).isFalse();
	}

	/** The written consent is never edited: the decisions' repository can only add and read. */
	@Test
	void theDecisionsHaveNoUpdatePath() {
		assertThat(Arrays.stream(Decisions.class.getDeclaredMethods()).filter(m -> !Modifier.isPrivate(m.getModifiers()))
				.filter(m -> !m.isSynthetic()).map(m -> m.getName())).containsExactlyInAnyOrder("insert", "of");
	}
}
