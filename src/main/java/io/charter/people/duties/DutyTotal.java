package io.charter.people.duties;

import io.charter.shared.Duty;

/**
 * How many of the people a duty applies to stand where: "203 of 212 active people done". People
 * exempted are in scope (counted in {@link #applies()}) but neither done nor overdue.
 */
public record DutyTotal(Duty duty, int done, int due, int overdue, int exempted) {

	public int applies() {
		return done + due + overdue + exempted;
	}
}
