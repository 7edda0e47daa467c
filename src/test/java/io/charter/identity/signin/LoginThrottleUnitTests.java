package io.charter.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.charter.MovableClock;
import io.charter.identity.IdentitySettings;

/** Failed sign-ins slow down the client that fails, at the account it tries, never anyone else. */
class LoginThrottleUnitTests {

	final MovableClock clock = new MovableClock();
	final IdentitySettings settings = new IdentitySettings(null, null, true, 5, 20, Duration.ofSeconds(1),
			Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofHours(1), 5,
			Duration.ofHours(1));
	final LoginThrottle throttle = new LoginThrottle(settings.perAccount(), settings.perClient(), clock);

	{
		clock.set(Instant.parse("2026-12-07T09:00:00Z"));
	}

	static MockHttpServletRequest attempt(String from, String account) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr(from);
		request.addParameter("username", account);
		return request;
	}

	/** Fails from an address as soon as the client may try again; the wait that follows each failure. */
	long[] failuresWaitingInBetween(String from, String account, int count) {
		long[] waits = new long[count];
		for (int i = 0; i < count; i++) {
			clock.advance(throttle.wait(attempt(from, account)));
			waits[i] = throttle.failed(attempt(from, account)).toMillis();
		}
		return waits;
	}

	@Test
	void theWaitGrowsWithEachFailureBeyondTheAllowance() {
		assertThat(failuresWaitingInBetween("203.0.113.7", "ana@example.test", 9))
				.containsExactly(0, 0, 0, 0, 0, 1000, 2000, 4000, 8000);
	}

	@Test
	void failuresFromOneAddressDoNotDelayAnother() {
		failuresWaitingInBetween("203.0.113.7", "ana@example.test", 8);
		assertThat(throttle.wait(attempt("203.0.113.7", "ana@example.test"))).isPositive();
		assertThat(throttle.wait(attempt("203.0.113.8", "ana@example.test"))).isZero();
		// Nor the same address at another account, until it fails at many.
		assertThat(throttle.wait(attempt("203.0.113.7", "bob@example.test"))).isZero();
	}

	@Test
	void aSuccessClearsTheWaitAtThatAccount() {
		failuresWaitingInBetween("203.0.113.7", "ana@example.test", 7);
		clock.advance(throttle.wait(attempt("203.0.113.7", "ana@example.test")));
		throttle.succeeded(attempt("203.0.113.7", "ANA@example.test "));
		assertThat(failuresWaitingInBetween("203.0.113.7", "ana@example.test", 6)).containsExactly(0, 0, 0, 0, 0, 1000);
	}

	@Test
	void twoIpv6AddressesOfOneSlash64ShareTheirWait() {
		for (int i = 1; i <= 6; i++) {
			throttle.failed(attempt("2001:db8:7:1::" + Integer.toHexString(i), "ana@example.test"));
		}
		assertThat(throttle.wait(attempt("2001:db8:7:1:ffff::42", "ana@example.test"))).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.wait(attempt("2001:db8:7:2::1", "ana@example.test"))).isZero();
	}

	@Test
	void aClientFailingAtManyAccountsWaitsEverywhere() {
		for (int i = 0; i < 21; i++) {
			throttle.failed(attempt("203.0.113.7", "guess-" + i + "@example.test"));
		}
		assertThat(throttle.wait(attempt("203.0.113.7", "someone-else@example.test"))).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.wait(attempt("203.0.113.8", "someone-else@example.test"))).isZero();
	}

	@Test
	void whileItWaitsTheClientIsToldHowLongAndItsPasswordIsNotChecked() throws Exception {
		failuresWaitingInBetween("203.0.113.7", "ana@example.test", 8);
		clock.advance(Duration.ofMillis(500));
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		throttle.doFilter(attempt("203.0.113.7", "ana@example.test"), response, chain);
		assertThat(chain.getRequest()).as("the sign-in itself did not run").isNull();
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?error&wait=4");
		// The wait runs on the clock: no thread sleeps through it.
		clock.advance(Duration.ofSeconds(4));
		MockFilterChain later = new MockFilterChain();
		throttle.doFilter(attempt("203.0.113.7", "ana@example.test"), new MockHttpServletResponse(), later);
		assertThat(later.getRequest()).isNotNull();
	}
}
