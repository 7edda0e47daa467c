package io.charter.shared.exemption;

import java.time.LocalDate;

/**
 * Whether the security team has given its explicit written consent to depart from a clause. A
 * control reads the exemptions in force once per report, then asks about each item in memory, so a
 * fleet of devices costs one query. Where no module answers (the exemptions module left out), use
 * {@link #NONE}: nothing is exempt.
 */
@FunctionalInterface
public interface ExemptionLookup {

	ExemptionLookup NONE = day -> ExemptionsInForce.NONE;

	/** The exemptions in force on this day, in the organisation's time zone, bounds included. */
	ExemptionsInForce inForce(LocalDate day);
}
