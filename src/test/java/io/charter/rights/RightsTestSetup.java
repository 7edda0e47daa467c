package io.charter.rights;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.charter.MovableClock;

/**
 * Beans for the rights tests: a clock the tests move, and a module that holds personal data.
 * Deliberately not a {@code @Configuration}: component scanning of other test contexts must not
 * find it; the rights tests import it.
 */
public class RightsTestSetup {

	public static final MovableClock CLOCK = new MovableClock();

	@Bean
	@Primary
	Clock movableClock() {
		return CLOCK;
	}

	@Bean
	TestDataHolder testDataHolder() {
		return new TestDataHolder();
	}
}
