package io.charter.policies;

import java.util.Map;

import io.charter.shared.RuleViolation;

/**
 * A new document breaks a rule: every field's refusal at once (a bundle key per field, in the form's
 * order), so the form marks them all in one round.
 */
class InvalidDocument extends RuleViolation {

	private final transient Map<String, String> errors;

	InvalidDocument(Map<String, String> errors) {
		super(errors.keySet().iterator().next(), errors.values().iterator().next(), new Object[0],
				"Invalid policy document: " + errors.keySet());
		this.errors = Map.copyOf(errors);
	}

	/** Field name to message key. */
	Map<String, String> errors() {
		return errors;
	}
}
