package io.charter.people.duties;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.charter.shared.Duties;
import io.charter.shared.Duty;

/**
 * Every duty in force now: the fixed {@link Duty} beans first (training), then each {@link Duties}
 * provider's (the policy documents), read on each call so that a document created or retired in the
 * console is asked of people at once.
 */
@Component
class DutyList {

	private final List<Duty> fixed;
	private final List<Duties> providers;

	DutyList(List<Duty> fixed, List<Duties> providers) {
		this.fixed = List.copyOf(fixed);
		this.providers = List.copyOf(providers);
	}

	List<Duty> now() {
		if (providers.isEmpty()) {
			return fixed;
		}
		List<Duty> all = new ArrayList<>(fixed);
		providers.forEach(p -> all.addAll(p.duties()));
		return List.copyOf(all);
	}
}
