package io.charter.rights;

import io.charter.shared.RuleViolation;

/** A step the request's state or the law does not allow (a 400, a message on the page). */
public class RequestChangeRefused extends RuleViolation {

	RequestChangeRefused(String message) {
		super(message);
	}
}
