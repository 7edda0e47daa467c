package io.charter.rights;

/** The request was completed, refused or withdrawn: it takes notes, nothing else. */
public class RequestAlreadyClosed extends StepNotAllowed {

	public RequestAlreadyClosed(RequestStatus status) {
		super("The request is already closed (" + status + ").");
	}
}
