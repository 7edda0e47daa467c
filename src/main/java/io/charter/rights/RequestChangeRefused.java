package io.charter.rights;

import io.charter.shared.RuleViolation;

/**
 * A step the rules refuse: missing or invalid input (a 400 in the API, a message on the page).
 * Subclasses say when the request's state is the reason ({@link StepNotAllowed}, a 409) or a
 * module could not answer ({@link ExportFailed}, a 503).
 */
public class RequestChangeRefused extends RuleViolation {

	public RequestChangeRefused(String message) {
		super(message);
	}
}
