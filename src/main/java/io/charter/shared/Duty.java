package io.charter.shared;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something the policy asks of each person of the directory (attend the security training,
 * acknowledge a policy version), contributed as a bean by the module that records it. "My
 * compliance", the security team's overview and the compliance table read every duty through this
 * one interface, so none of them depends on the modules that keep the records.
 *
 * <p>People are named by their directory id (the {@code people} module's person id).
 */
public interface Duty {

	/** Stable and unique among duties, lower case ({@code training}, {@code policy-work-behaviors}). */
	String id();

	/** The duty's name, a key of the contributing module's bundle. */
	String titleKey();

	/** The policy clauses it serves ({@code S1}, {@code S8}). */
	Set<String> clauses();

	/**
	 * Where each of these people stands on the given day, read in a few queries whatever their number
	 * (the overview asks for thousands). People the duty does not apply to (leavers, out of scope) are
	 * absent from the answer.
	 */
	Map<UUID, Standing> standings(Collection<UUID> people, LocalDate today);

	/** The page where the person acts on the duty (enrol, acknowledge); a path of Charter. */
	String actionPath();

	enum State {
		/** Done and still valid on the day asked. */
		DONE,
		/** Not done yet, still within the time allowed. */
		DUE,
		/** Not done and the time allowed has passed. */
		OVERDUE,
		/**
		 * Not done, and the security team consented in writing that it need not be (an exemption in
		 * force, e.g. long-term leave): never counted as done nor as overdue; due again from the day
		 * after the exemption's last day ({@code dueBy}).
		 */
		EXEMPTED
	}

	/**
	 * @param state where the person stands
	 * @param doneOn when the duty was last met; null if never
	 * @param dueBy the last day to (re)do it; null if nothing is due
	 */
	record Standing(State state, LocalDate doneOn, LocalDate dueBy) {

		public Standing {
			Objects.requireNonNull(state, "state");
			if (state != State.DONE && dueBy == null) {
				throw new IllegalArgumentException("A duty not done has a date it is due by");
			}
		}
	}
}
