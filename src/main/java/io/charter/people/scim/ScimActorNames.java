package io.charter.people.scim;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.ActorNames;

/** The audit page names an identity provider's changes ({@code scim:<id>}) by their credential. */
@Component
class ScimActorNames implements ActorNames {

	private final ScimStore store;

	ScimActorNames(ScimStore store) {
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> names(Collection<String> actorIds) {
		Map<String, String> names = new HashMap<>();
		if (actorIds.stream().noneMatch(a -> a != null && a.startsWith(ScimSecurity.ACTOR_PREFIX))) {
			return names;
		}
		for (ScimStore.Credential credential : store.credentials()) {
			String actor = new ScimSecurity.Provider(credential).actorId();
			if (actorIds.contains(actor)) {
				names.put(actor, new ScimSecurity.Provider(credential).displayName());
			}
		}
		return names;
	}
}
