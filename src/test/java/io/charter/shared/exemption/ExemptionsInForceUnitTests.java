package io.charter.shared.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ExemptionsInForceUnitTests {

	static final LocalDate DAY = LocalDate.of(2026, 12, 7);
	static final UUID LAPTOP = UUID.randomUUID();
	static final UUID OWNER = UUID.randomUUID();

	@Test
	void aGrantCoversItsCheckItsSubjectAndItsDaysOnly() {
		var grant = new ExemptionGrant(UUID.randomUUID(), "S5", "screen-lock", ExemptionSubject.device(LAPTOP), DAY,
				DAY.plusDays(30));
		var inForce = new ExemptionsInForce(DAY, List.of(grant));

		assertThat(inForce.covering("S5", "screen-lock", ExemptionSubject.device(LAPTOP))).contains(grant);
		assertThat(inForce.covers("S5", "disk-encryption", ExemptionSubject.device(LAPTOP))).isFalse();
		assertThat(inForce.covers("S5", "screen-lock", ExemptionSubject.device(UUID.randomUUID()))).isFalse();
		assertThat(inForce.covers("S7", "screen-lock", ExemptionSubject.device(LAPTOP))).isFalse();
		assertThat(new ExemptionsInForce(DAY.plusDays(31), List.of(grant)).covers("S5", "screen-lock",
				ExemptionSubject.device(LAPTOP))).isFalse();
		assertThat(new ExemptionsInForce(DAY.plusDays(30), List.of(grant)).covers("S5", "screen-lock",
				ExemptionSubject.device(LAPTOP))).isTrue();
	}

	@Test
	void aGrantWithoutACheckCoversTheClauseAndOneForTheOrganisationCoversEverySubject() {
		var clause = new ExemptionGrant(UUID.randomUUID(), "S7", null, ExemptionSubject.person(OWNER), DAY, DAY);
		var everyone = new ExemptionGrant(UUID.randomUUID(), "S8", "software:nmap",
				ExemptionSubject.organisation(), DAY, DAY);
		var inForce = new ExemptionsInForce(DAY, List.of(clause, everyone));

		assertThat(inForce.covers("S7", "no-local-backup", ExemptionSubject.device(LAPTOP),
				ExemptionSubject.person(OWNER))).isTrue();
		assertThat(inForce.covers("S7", "no-local-backup", ExemptionSubject.device(LAPTOP))).isFalse();
		assertThat(inForce.covers("S8", "software:nmap", ExemptionSubject.device(LAPTOP))).isTrue();
		assertThat(ExemptionLookup.NONE.inForce(DAY).covers("S8", "software:nmap", ExemptionSubject.organisation()))
			.isFalse();
	}

	@Test
	void malformedGrantsAndSubjectsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExemptionGrant(UUID.randomUUID(), "S5", null,
				ExemptionSubject.organisation(), DAY, DAY.minusDays(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExemptionSubject(ExemptionSubject.Kind.ORGANISATION, UUID.randomUUID()));
		assertThatIllegalArgumentException().isThrownBy(() -> new ExemptionSubject(ExemptionSubject.Kind.DEVICE, null));
	}
}
