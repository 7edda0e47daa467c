package io.charter.rights;

import org.springframework.context.annotation.Bean;

import io.charter.MovableClock;
import io.charter.TestClock;

/**
 * Beans for the rights tests: a module that holds personal data. The clock the tests move is the
 * shared {@link TestClock} of every test context.
 * Deliberately not a {@code @Configuration}: component scanning of other test contexts must not
 * find it; the rights tests import it.
 */
public class RightsTestSetup {

	public static final MovableClock CLOCK = TestClock.CLOCK;

	@Bean
	TestDataHolder testDataHolder() {
		return new TestDataHolder();
	}
}
