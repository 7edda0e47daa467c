package io.charter.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Names for the pseudonymous actor ids the audit trail stores ({@code user:<uuid>}), contributed by
 * the module that knows the people, so that a page can show who acted while the trail itself keeps
 * no name or address. An actor erased or unknown has no name: the page shows its id.
 */
@FunctionalInterface
public interface ActorNames {

	/** The readable names of those of the given actor ids this contributor knows, by actor id. */
	Map<String, String> names(Collection<String> actorIds);

	/**
	 * The names every contributor knows for these actor ids; the first contributor that names an id
	 * wins.
	 */
	static Map<String, String> resolve(Iterable<? extends ActorNames> contributors, Collection<String> actorIds) {
		Map<String, String> names = new HashMap<>();
		for (ActorNames contributor : contributors) {
			contributor.names(actorIds).forEach(names::putIfAbsent);
		}
		return names;
	}
}
