package io.charter.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * How many more times a client may do something, as a value (a token bucket): it holds up to
 * {@link Rate#capacity()} takes and refills evenly, that many per {@link Rate#window()}. A module
 * keeps one per {@link ClientKey} and replaces it with the result of each {@link #take}; time is
 * an argument, so a test moves its clock instead of sleeping.
 *
 * @param tokens takes left, with the fraction refilled so far
 * @param at when they were counted
 * @param granted whether the take that made this value was allowed
 */
public record Allowance(double tokens, Instant at, boolean granted) {

	/** So many takes per window. */
	public record Rate(int capacity, Duration window) {

		public Rate {
			if (capacity < 1 || window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("A rate needs at least one take per positive window.");
			}
		}

		double perNano() {
			return (double) capacity / window.toNanos();
		}
	}

	/** Takes one from a client's allowance; {@code current} is null for a client not seen yet (full). */
	public static Allowance take(Allowance current, Rate rate, Instant now) {
		double tokens = rate.capacity();
		Instant at = now;
		if (current != null) {
			// A clock that steps back refills nothing rather than taking back what was refilled.
			at = now.isAfter(current.at) ? now : current.at;
			tokens = Math.min(rate.capacity(), current.tokens + Duration.between(current.at, at).toNanos() * rate.perNano());
		}
		return tokens >= 1 ? new Allowance(tokens - 1, at, true) : new Allowance(tokens, at, false);
	}

	/** How long until the next take is allowed: zero when one is left. */
	public Duration untilNext(Rate rate) {
		return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / rate.perNano()));
	}
}
