package io.charter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The one clock of every full test context: component scanning finds this class in each
 * {@code @SpringBootTest}, so a test that moves time needs no configuration of its own and shares the
 * cached context of the others (a context of its own costs a start of several seconds). One instance
 * for the whole JVM, so that the contexts a test starts by hand (two instances of a cluster) see the
 * same time. Unmoved it is the system clock; {@link Reset} puts it back after every test.
 */
@Configuration(proxyBeanMethods = false)
public class TestClock {

	public static final MovableClock CLOCK = new MovableClock();

	@Bean
	@Primary
	MovableClock movableClock() {
		return CLOCK;
	}

	/**
	 * Registered in META-INF/spring.factories for every Spring test: a test that moved the clock and
	 * failed before putting it back cannot leave the next test (of any class) in its time.
	 */
	public static class Reset implements TestExecutionListener {

		@Override
		public void afterTestMethod(TestContext testContext) {
			CLOCK.reset();
		}
	}
}
