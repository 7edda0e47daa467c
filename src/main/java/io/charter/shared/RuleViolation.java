package io.charter.shared;

/**
 * A request that the domain rules refuse (a 400 in the API, a message on the form). The message
 * is meant for the person who made the request and carries no personal data.
 */
public class RuleViolation extends RuntimeException {

	public RuleViolation(String message) {
		super(message);
	}
}
