package io.charter.shared.control;

import java.time.LocalDate;
import java.util.List;

/**
 * The controls a module runs for the policy's clauses and how each stands today, contributed as a
 * bean. The compliance table, its daily snapshot and the evidence package read every control through
 * this one interface. Answer from a few queries whatever the number of people or devices: the table
 * asks every contributor on each visit.
 */
@FunctionalInterface
public interface ControlReport {

	/** The module's controls as they stand on this day, in the organisation's time zone. */
	List<Control> controls(LocalDate today);

	/**
	 * The rows behind one of the module's controls from {@code from} to {@code to} (both included, in
	 * the organisation's time zone), for the evidence package; empty when the module offers none.
	 * Answer with records only (no live reading), ordered, so the same period gives the same rows.
	 */
	default java.util.Optional<EvidenceRows> evidence(String controlId, LocalDate from, LocalDate to) {
		return java.util.Optional.empty();
	}
}
