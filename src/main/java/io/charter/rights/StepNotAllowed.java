package io.charter.rights;

/**
 * A step the request's state does not allow now: it is closed, not verified yet, waiting for the
 * requester, past the date for it, or someone else changed it meanwhile (a 409 in the API). Bad
 * input stays a plain {@link RequestChangeRefused} (a 400).
 */
public class StepNotAllowed extends RequestChangeRefused {

	public StepNotAllowed(String key, Object... arguments) {
		super(key, arguments);
	}
}
