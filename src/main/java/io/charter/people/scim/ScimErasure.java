package io.charter.people.scim;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.charter.people.PeopleEvent.PersonAnonymised;

/**
 * An anonymised person keeps no identifier of the identity provider either, whether erased by a
 * data-subject request or by SCIM's DELETE: in the same transaction as the anonymisation.
 */
@Component
class ScimErasure {

	private final ScimStore store;

	ScimErasure(ScimStore store) {
		this.store = store;
	}

	@EventListener
	void on(PersonAnonymised anonymised) {
		store.setExternalId(anonymised.personId(), null);
		store.setUserName(anonymised.personId(), null);
	}
}
