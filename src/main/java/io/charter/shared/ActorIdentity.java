package io.charter.shared;

/**
 * Implemented by the authenticated principals of Charter so that any module can name the actor
 * of a change without knowing how the person signed in.
 */
public interface ActorIdentity {

	/** A stable pseudonymous reference, e.g. {@code user:7f0c...}; never an e-mail address. */
	String actorId();

	/** The name shown in the page header. */
	String displayName();
}
