package io.charter.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A link in the staff console's navigation, contributed as a bean by the module that owns the page,
 * so that adding a module never edits the shell's list.
 *
 * @param path where it leads, e.g. {@code /rights}; the entry is current on that path and below it
 * @param labelKey the message key of its label
 * @param order its place: lower first (the shell's dashboard is 0, personal pages come last, 900 on)
 * @param roles who sees it; empty for every signed-in user
 */
public record NavigationEntry(String path, String labelKey, int order, Set<Role> roles) {

	public NavigationEntry {
		if (path == null || !path.startsWith("/")) {
			throw new IllegalArgumentException("A navigation path starts with /");
		}
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** An entry for the holders of any of these roles. */
	public static NavigationEntry of(String path, String labelKey, int order, Role... roles) {
		return new NavigationEntry(path, labelKey, order, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
	}

	/** Whether someone holding these roles sees the entry. */
	public boolean visibleTo(Collection<Role> held) {
		return roles.isEmpty() || held.stream().anyMatch(roles::contains);
	}
}
