package io.charter.rights;

/** The request was completed, refused or withdrawn: it takes notes, nothing else. */
public class RequestAlreadyClosed extends StepNotAllowed {

	public RequestAlreadyClosed(RequestStatus status) {
		super("rights.refused.already-closed", new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "rights.status." + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') }, status.name()));
	}
}
