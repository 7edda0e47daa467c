package io.charter.rights.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.charter.rights.DataSubjectRequests;
import io.charter.rights.Letters;
import io.charter.shared.DashboardFigures;
import io.charter.shared.Role;

/**
 * The dashboard's figures of data-subject requests for those who handle or oversee them: requests due
 * this week, overdue, and letters waiting in the outbox.
 */
@Component
@Order(10)
class RequestFigures implements DashboardFigures {

	/** How far back letters are counted: older ones were sent, failed or purged long ago. */
	static final int LETTER_DAYS = 30;
	private static final Set<Role> TEAM = Set.of(Role.PRIVACY, Role.ADMIN, Role.AUDITOR);

	private final DataSubjectRequests requests;
	private final Letters letters;

	RequestFigures(DataSubjectRequests requests, Letters letters) {
		this.requests = requests;
		this.letters = letters;
	}

	@Override
	public List<Figure> figures(Today today) {
		List<Figure> figures = new ArrayList<>();
		int overdue = requests.runningDueBetween(java.time.LocalDate.EPOCH, today.date().minusDays(1));
		if (overdue > 0) {
			figures.add(new Figure("rights.figure.overdue", List.of(overdue), "/rights", TEAM));
		}
		figures.add(new Figure("rights.figure.due-this-week",
				List.of(requests.runningDueBetween(today.date(), today.weekEnd())), "/rights", TEAM));
		int held = letters.waiting(LETTER_DAYS);
		if (held > 0) {
			figures.add(new Figure("rights.figure.letters-waiting", List.of(held), "/rights", TEAM));
		}
		return figures;
	}
}
