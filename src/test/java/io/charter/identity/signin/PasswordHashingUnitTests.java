package io.charter.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The production's password hashing, which the tests' contexts replace with a cheaper bcrypt cost
 * (io.charter.TestPasswordHashing): bcrypt at cost 10, in the {@code {bcrypt}} format, and a hash
 * of the tests' cost still verifies, so that users made in either way can sign in.
 */
class PasswordHashingUnitTests {

	final PasswordEncoder production = new SecurityConfiguration().passwordEncoder();

	@Test
	void hashesWithBcryptAtCostTen() {
		String hash = production.encode("a-long-test-password");
		assertThat(hash).startsWith("{bcrypt}$2a$10$");
		assertThat(production.matches("a-long-test-password", hash)).isTrue();
		assertThat(production.matches("another-password", hash)).isFalse();
	}

	@Test
	void checksAHashOfALowerCost() {
		String cheaper = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw-of-tests");
		assertThat(production.matches("pw-of-tests", cheaper)).isTrue();
		assertThat(production.matches("pw-of-test", cheaper)).isFalse();
	}
}
