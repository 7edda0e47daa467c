package io.charter.shared.exemption;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One approved exemption in force: the clause and, where the control has them, the exact check or
 * software item it covers, for one subject and a period.
 *
 * @param exemption the exemption's id, for a link to its record
 * @param clause the policy clause ({@code S5})
 * @param check the control's own item ({@code screen-lock}, {@code software:wireshark}); null for
 *        every control of the clause
 * @param from the first day covered
 * @param until the last day covered
 */
public record ExemptionGrant(UUID exemption, String clause, String check, ExemptionSubject subject, LocalDate from,
		LocalDate until) {

	public ExemptionGrant {
		Objects.requireNonNull(exemption, "exemption");
		Objects.requireNonNull(clause, "clause");
		Objects.requireNonNull(subject, "subject");
		if (until.isBefore(from)) {
			throw new IllegalArgumentException("An exemption ends on or after the day it starts");
		}
	}

	/**
	 * Whether it covers this check of the clause for this subject on this day: an exemption without a
	 * check covers the whole clause, one for the organisation covers every subject.
	 */
	public boolean covers(String clause, String check, ExemptionSubject subject, LocalDate day) {
		return this.clause.equals(clause) && (this.check == null || this.check.equals(check))
				&& (this.subject.kind() == ExemptionSubject.Kind.ORGANISATION || this.subject.equals(subject))
				&& inForceOn(day);
	}

	/** Whether the day is within its period, both ends included. */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(until);
	}
}
