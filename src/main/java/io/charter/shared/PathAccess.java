package io.charter.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles reach a path of the staff console or the staff API, contributed as a bean by the
 * module that serves it: identity's security chains apply every contribution ahead of their own
 * rules (signed in for anything else), so adding a module never edits identity. Method security on
 * the module's services still applies behind it.
 *
 * @param pattern an Ant-style path pattern, e.g. {@code /audit/**}; under {@code /api/} it belongs to
 *        the API chain, elsewhere to the console's
 * @param readers who may GET it
 * @param writers who may use any other method; empty when the path is read-only for everyone
 */
public record PathAccess(String pattern, Set<Role> readers, Set<Role> writers) {

	public PathAccess {
		if (pattern == null || !pattern.startsWith("/")) {
			throw new IllegalArgumentException("A path pattern starts with /");
		}
		if (readers.isEmpty()) {
			throw new IllegalArgumentException("A path someone may change is a path someone may read: name its readers");
		}
		readers = Set.copyOf(EnumSet.copyOf(readers));
		writers = writers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(writers));
	}

	/** A path these roles may read and nobody may change. */
	public static PathAccess readOnly(String pattern, Role... readers) {
		return new PathAccess(pattern, Set.of(readers), Set.of());
	}

	/** A path the same roles may read and change. */
	public static PathAccess readWrite(String pattern, Role... roles) {
		return new PathAccess(pattern, Set.of(roles), Set.of(roles));
	}

	/** Whether it is a path of the staff API (else of the console). */
	public boolean api() {
		return pattern.startsWith("/api/");
	}
}
