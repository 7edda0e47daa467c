package io.charter.shared;

/**
 * The order of the security filter chains, by what each serves, so that a module adding a chain
 * for its public endpoints places it without guessing numbers. Chains with narrower matchers come
 * first; the staff console's chain matches everything left.
 */
public final class ChainOrder {

	/** What the customer's website loads from Charter (banner, consent API, declaration): stateless, no session. */
	public static final int PUBLIC_SITE = 5;

	/** Pages for members of the public (the data-subject request form and the links it sends). */
	public static final int PUBLIC_PAGES = 6;

	/** Calls from other systems, each signed with its own secret (no account, no session). */
	public static final int SYSTEM_CALLBACKS = 7;

	/** The staff API and the actuator: bearer tokens or a session, problem-detail errors. */
	public static final int STAFF_API = 10;

	/** The staff console: every other path, signed in. */
	public static final int STAFF_PAGES = 100;

	private ChainOrder() {
	}
}
