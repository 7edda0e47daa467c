package io.charter.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

import io.charter.organisation.web.BelgianEnterpriseNumberCheck;

class EnterpriseNumberUnitTests {

	@Test
	void acceptsTheUsualWritingsOfANumberWhoseCheckDigitsHold() {
		for (String writing : new String[] { "0680.957.816", "0680957816", "BE0680957816", "be 0680 957 816", "680.957.816" }) {
			assertThat(EnterpriseNumber.parse(writing)).as(writing).map(EnterpriseNumber::formatted).hasValue("0680.957.816");
		}
	}

	@Test
	void refusesANumberWhoseCheckDigitsDoNotHold() {
		assertThat(EnterpriseNumber.parse("0680.957.817")).isEmpty();
		assertThat(EnterpriseNumber.parse("0680.957.861")).isEmpty();
		assertThat(EnterpriseNumber.parse("2680.957.816")).as("starts with 0 or 1").isEmpty();
		assertThat(EnterpriseNumber.parse("0680.957.81")).isEmpty();
		assertThat(EnterpriseNumber.parse("WeGroup")).isEmpty();
		assertThat(EnterpriseNumber.parse(null)).isEmpty();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new EnterpriseNumber("0680957817"));
	}

	@Test
	void theFormConstraintLetsAnEmptyNumberThroughButNotAWrongOne() {
		BelgianEnterpriseNumberCheck check = new BelgianEnterpriseNumberCheck();
		assertThat(check.isValid(null, null)).isTrue();
		assertThat(check.isValid(" ", null)).isTrue();
		assertThat(check.isValid("0680.957.816", null)).isTrue();
		assertThat(check.isValid("0680.957.817", null)).isFalse();
	}
}
