package io.charter.people;

import io.charter.shared.RuleViolation;

/** A person's details break a rule of the directory: the field and a message key of the people bundle. */
public class InvalidPerson extends RuleViolation {

	private final String reason;

	public InvalidPerson(String field, String reason) {
		super(field, "Invalid " + field + ": " + reason);
		this.reason = reason;
	}

	/** The reason as a key suffix: {@code people.error.<reason>}. */
	public String reason() {
		return reason;
	}
}
