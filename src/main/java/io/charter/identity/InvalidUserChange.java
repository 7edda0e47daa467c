package io.charter.identity;

/**
 * A change to a user or token that the rules do not allow; shown to the person who asked for it,
 * in their language: the refusal is a key of identity's bundle (the API's stable {@code code}).
 */
public class InvalidUserChange extends io.charter.shared.RuleViolation {

	public InvalidUserChange(String key, Object... arguments) {
		super(null, key, arguments);
	}
}
