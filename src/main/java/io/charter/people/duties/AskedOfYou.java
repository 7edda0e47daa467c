package io.charter.people.duties;

import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.charter.shared.DashboardFigures;
import io.charter.shared.Duty;
import io.charter.shared.Role;

/**
 * The dashboard's "What is asked of you": the figures are the same for every user, so rather than a
 * count that would not be theirs, one line saying how many duties the policy sets and linking to the
 * user's own compliance page, where each duty's state is theirs.
 */
@Component
@Order(100)
class AskedOfYou implements DashboardFigures {

	private final DutyList duties;

	AskedOfYou(DutyList duties) {
		this.duties = duties;
	}

	@Override
	public List<Figure> figures(Today today) {
		List<Duty> now = duties.now();
		return now.isEmpty() ? List.of()
				: List.of(new Figure("compliance.asked", List.of(now.size()), "/me/compliance", Set.of(Role.EMPLOYEE)));
	}
}
