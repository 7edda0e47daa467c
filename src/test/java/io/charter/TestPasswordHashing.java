package io.charter;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords hashed in the tests' contexts with bcrypt at cost 4 instead of the production's 10: the
 * tests make a user (one hash) or sign in (one more) about a thousand times, and each hash at cost 10
 * takes 60 to 200 ms in a test JVM: a third of the time of the classes that sign in most. Still bcrypt
 * in the same {@code {bcrypt}} format, so a hash made here is checked by the same code; any other
 * stored hash (the production cost, another algorithm) is checked by the production encoder.
 * {@code PasswordHashingUnitTests} checks the production encoder and its cost.
 */
@Component
class TestPasswordHashing implements BeanPostProcessor {

	static final int COST = 4;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof PasswordEncoder production) || bean instanceof DelegatingPasswordEncoderForTests) {
			return bean;
		}
		return new DelegatingPasswordEncoderForTests(production);
	}

	/** Hashes with bcrypt at {@link #COST}; checks a bcrypt hash of any cost itself, any other with the production encoder. */
	static final class DelegatingPasswordEncoderForTests extends DelegatingPasswordEncoder {

		DelegatingPasswordEncoderForTests(PasswordEncoder production) {
			super("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(COST)));
			setDefaultPasswordEncoderForMatches(production);
		}
	}
}
