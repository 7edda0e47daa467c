package io.charter.premises;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One clean-desk spot check (clause S4): an area walked on a day and how many desks were looked at.
 *
 * @param checkedBy the actor who recorded it (the audit trail's actor id)
 */
record DeskCheck(UUID id, LocalDate checkedOn, String area, int desksChecked, String checkedBy, Instant createdAt) {

	/**
	 * What was left on one desk.
	 *
	 * @param personId the person of the directory whose desk it is, when known; null after an erasure
	 * @param notifiedAt when that person was e-mailed about it; null when not told
	 */
	record Finding(UUID id, UUID checkId, String desk, String found, UUID personId, String followUp,
			Instant notifiedAt, Instant createdAt) {
	}
}
