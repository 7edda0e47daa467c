package io.charter.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Failures of one client (or of one client at one account) and the wait they impose, as a value:
 * the first {@link Policy#free()} failures cost nothing, each further one a wait that doubles, from
 * {@link Policy#first()} up to {@link Policy#longest()}. Failures are forgotten once the client
 * stayed away {@link Policy#memory()} after its wait ended; a success forgets them at once (the
 * module drops the value). A module keeps one per {@link ClientKey}; time is an argument, so a
 * test moves its clock instead of sleeping.
 *
 * @param failures failures counted, the latest included
 * @param last when the latest failure happened
 */
public record Backoff(int failures, Instant last) {

	/** How failures turn into waits. */
	public record Policy(int free, Duration first, Duration longest, Duration memory) {

		public Policy {
			if (free < 0 || first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || memory.isNegative()) {
				throw new IllegalArgumentException("A backoff needs free >= 0 and 0 < first <= longest, memory >= 0.");
			}
		}

		/** The wait that follows the given number of failures. */
		Duration after(int failures) {
			if (failures <= free) {
				return Duration.ZERO;
			}
			int doublings = failures - free - 1;
			// Past 2^40 times the first wait (a second's 35,000 years) the ceiling applies anyway.
			Duration wait = doublings >= 40 ? longest : first.multipliedBy(1L << doublings);
			return wait.compareTo(longest) > 0 ? longest : wait;
		}
	}

	/** Counts a failure; {@code current} is null for a client not seen yet. */
	public static Backoff failed(Backoff current, Policy policy, Instant now) {
		boolean remembered = current != null && now.isBefore(current.waitEnds(policy).plus(policy.memory()));
		return new Backoff(remembered ? current.failures + 1 : 1, now);
	}

	/** How long the client must still wait before its next attempt: zero when it need not. */
	public Duration wait(Policy policy, Instant now) {
		Duration left = Duration.between(now, waitEnds(policy));
		// A clock set back (by an operator, or by a test) never makes a wait longer than it was.
		Duration longest = policy.after(failures);
		return left.isNegative() ? Duration.ZERO : left.compareTo(longest) > 0 ? longest : left;
	}

	private Instant waitEnds(Policy policy) {
		return last.plus(policy.after(failures));
	}
}
