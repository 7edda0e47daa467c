package io.charter.shared;

/**
 * A request that the domain rules refuse (a 400 in the API, a message on the form). The message
 * is meant for the person who made the request and carries no personal data.
 */
public class RuleViolation extends RuntimeException {

	private final String field;

	public RuleViolation(String message) {
		this(null, message);
	}

	/** A refusal about one field of the request, which the API names in its list of field errors. */
	public RuleViolation(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field of the request the rule is about; null when it is about the request as a whole. */
	public String field() {
		return field;
	}
}
