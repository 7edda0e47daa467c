package io.charter.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.charter.shared.Attention;
import io.charter.shared.Attention.Notice;
import io.charter.shared.Role;

/**
 * The dashboard's notices from every module's {@link Attention}, for the roles a user holds. One
 * contributor failing costs only its own notices: the dashboard is where people look when something
 * is wrong, so it must not fail with it.
 */
@Component
class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private final ObjectProvider<Attention> contributors;
	private final IsolatedContributors isolated = new IsolatedContributors(log, "notices");

	Notices(ObjectProvider<Attention> contributors) {
		this.contributors = contributors;
	}

	/** Warnings first, then in the order contributed; one notice per link (the first one visible). */
	List<Notice> visibleTo(Collection<Role> roles) {
		List<Notice> shown = new ArrayList<>();
		Set<String> links = new HashSet<>();
		contributors.orderedStream().forEach(contributor -> {
			for (Notice notice : noticesOf(contributor)) {
				if (notice.visibleTo(roles) && (notice.link() == null || links.add(notice.link()))) {
					shown.add(notice);
				}
			}
		});
		shown.sort((a, b) -> b.severity().compareTo(a.severity()));
		return shown;
	}

	private List<Notice> noticesOf(Attention contributor) {
		return isolated.ask(contributor, contributor::notices);
	}
}
