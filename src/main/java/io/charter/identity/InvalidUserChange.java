package io.charter.identity;

/** A change to a user or token that the rules do not allow; shown to the person who asked for it. */
public class InvalidUserChange extends io.charter.shared.RuleViolation {

	public InvalidUserChange(String message) {
		super(message);
	}
}
