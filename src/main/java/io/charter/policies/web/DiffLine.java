package io.charter.policies.web;

/** One line of a diff between two versions: kept, removed (from the older) or added (in the newer). */
public record DiffLine(Change change, String text) {

	public enum Change {
		KEPT, REMOVED, ADDED
	}
}
