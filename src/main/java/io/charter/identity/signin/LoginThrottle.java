package io.charter.identity.signin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.charter.identity.UserAccount;
import io.charter.shared.Backoff;
import io.charter.shared.ClientKey;

/**
 * Slows password guessing down without locking anyone out: failed sign-ins make the client that
 * fails wait before its next attempt, with a wait that doubles with each further failure, counted
 * per client at the account it tries and per client over all accounts. While it waits, the client
 * is answered "try again in N s" without its password being checked, and no thread sleeps. The
 * right password from another client is never refused; a success clears the client's waits at
 * that account. Clients are {@link ClientKey}s (no address is held); per instance, in memory.
 */
class LoginThrottle extends OncePerRequestFilter {

	/** Where a refused or failed attempt goes: the sign-in page, saying how long to wait. */
	static final String WAIT_PAGE = "/login?error&wait=";

	private final Backoff.Policy perAccount;
	private final Backoff.Policy perClient;
	private final Cache<ClientKey, Backoff> failures;
	private final Clock clock;

	LoginThrottle(Backoff.Policy perAccount, Backoff.Policy perClient, Clock clock) {
		this.perAccount = perAccount;
		this.perClient = perClient;
		this.clock = clock;
		// Kept no longer than a failure can count: the longest wait, then the memory after it.
		Duration kept = Stream.of(perAccount, perClient).map(p -> p.longest().plus(p.memory()))
				.max(Comparator.naturalOrder()).orElseThrow();
		this.failures = Caffeine.newBuilder().expireAfterWrite(kept).maximumSize(200_000).build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !("POST".equals(request.getMethod()) && "/login".equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = wait(request);
		if (!wait.isZero()) {
			response.sendRedirect(request.getContextPath() + WAIT_PAGE + seconds(wait));
			return;
		}
		chain.doFilter(request, response);
	}

	/** Counts a failed sign-in of the request's client; the wait it now has before its next attempt. */
	Duration failed(HttpServletRequest request) {
		ClientKey client = ClientKey.of(request.getRemoteAddr());
		failures.asMap().compute(client, (k, b) -> Backoff.failed(b, perClient, clock.instant()));
		failures.asMap().compute(client.at(account(request)), (k, b) -> Backoff.failed(b, perAccount, clock.instant()));
		return wait(request);
	}

	/** A successful sign-in: the client's failures at that account are forgotten. */
	void succeeded(HttpServletRequest request) {
		failures.invalidate(ClientKey.of(request.getRemoteAddr()).at(account(request)));
	}

	/** How long the request's client must still wait before it may try this account again. */
	Duration wait(HttpServletRequest request) {
		ClientKey client = ClientKey.of(request.getRemoteAddr());
		Duration overall = wait(client, perClient);
		Duration atAccount = wait(client.at(account(request)), perAccount);
		return overall.compareTo(atAccount) > 0 ? overall : atAccount;
	}

	private Duration wait(ClientKey key, Backoff.Policy policy) {
		Backoff backoff = failures.getIfPresent(key);
		return backoff == null ? Duration.ZERO : backoff.wait(policy, clock.instant());
	}

	/** Whole seconds, rounded up: "try again in 0 s" would be a lie. */
	static long seconds(Duration wait) {
		return (wait.toMillis() + 999) / 1000;
	}

	/** The account as the sign-in form names it, compared the way e-mail addresses are stored. */
	private static String account(HttpServletRequest request) {
		String username = request.getParameter("username");
		return username == null ? "" : UserAccount.normalise(username.length() > 320 ? username.substring(0, 320) : username);
	}
}
