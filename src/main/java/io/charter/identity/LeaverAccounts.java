package io.charter.identity;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.charter.people.PeopleEvent.PersonLeft;

/**
 * A person who left the directory can no longer sign in or call the API: their account is
 * deactivated and their tokens revoked once the leave committed (kept in the event publication
 * registry until done, so a crash in between does not leave the account open).
 */
@Component
class LeaverAccounts {

	private final IdentityManagement identity;

	LeaverAccounts(IdentityManagement identity) {
		this.identity = identity;
	}

	@ApplicationModuleListener
	void on(PersonLeft left) {
		identity.endLeaverAccount(left.email());
	}
}
