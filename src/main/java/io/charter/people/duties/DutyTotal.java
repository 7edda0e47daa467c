package io.charter.people.duties;

import io.charter.shared.Duty;

/** How many of the people a duty applies to stand where: "203 of 212 active people done". */
public record DutyTotal(Duty duty, int done, int due, int overdue) {

	public int applies() {
		return done + due + overdue;
	}
}
