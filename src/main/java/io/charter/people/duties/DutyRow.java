package io.charter.people.duties;

import io.charter.shared.Duty;

/** One duty and where a person stands on it (null standing: the duty does not apply to them). */
public record DutyRow(Duty duty, Duty.Standing standing) {
}
