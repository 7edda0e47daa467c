package io.charter.identity;

/** A change that would leave Charter without an active administrator. */
public class LastAdministrator extends InvalidUserChange {

	public LastAdministrator() {
		super("users.last-admin");
	}
}
