package io.charter.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What needs someone's attention now, contributed as a bean by the module that knows it (open
 * questions, entries to confirm, mail not configured), so that the staff dashboard lists it without
 * knowing the modules. Asked on every visit of the dashboard: answer from memory or one cheap query.
 * A contributor that throws costs only its own notices.
 */
@FunctionalInterface
public interface Attention {

	/** The notices as things stand; empty when nothing needs doing. */
	List<Notice> notices();

	enum Severity {
		/** Worth knowing; nothing is wrong yet. */
		INFO,
		/** Something is held or may be published wrongly until someone acts. */
		WARNING
	}

	/**
	 * One line on the dashboard.
	 *
	 * @param messageKey its text in the contributing module's bundle; a count among the arguments is
	 *        worded with a choice ({@code {0,choice,1#1 question|1<{0} questions}})
	 * @param arguments the text's arguments: counts and names, never personal data
	 * @param link the page where it is dealt with, for the roles given; null for none. A user who holds
	 *        several roles sees one notice per link: the first contributed, so a contributor lists the
	 *        wording for the roles that act before the read-only wording
	 * @param roles who sees it (at least one)
	 */
	record Notice(String messageKey, List<Object> arguments, String link, Severity severity, Set<Role> roles) {

		public Notice {
			DashboardLines.check("notice", messageKey, link, roles);
			arguments = List.copyOf(arguments);
			roles = Set.copyOf(EnumSet.copyOf(roles));
		}

		/** Whether someone holding these roles sees it. */
		public boolean visibleTo(Collection<Role> held) {
			return held.stream().anyMatch(roles::contains);
		}
	}
}
