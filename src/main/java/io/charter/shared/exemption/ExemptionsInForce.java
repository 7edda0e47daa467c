package io.charter.shared.exemption;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The exemptions in force on one day, asked item by item in memory. */
public record ExemptionsInForce(LocalDate day, List<ExemptionGrant> grants) {

	public static final ExemptionsInForce NONE = new ExemptionsInForce(LocalDate.MIN, List.of());

	public ExemptionsInForce {
		grants = List.copyOf(grants);
	}

	/**
	 * The exemption that covers this check of the clause for any of these subjects (a device and the
	 * person it is assigned to, say), if one does.
	 */
	public Optional<ExemptionGrant> covering(String clause, String check, ExemptionSubject... subjects) {
		for (var grant : grants) {
			for (var subject : subjects) {
				if (subject != null && grant.covers(clause, check, subject, day)) {
					return Optional.of(grant);
				}
			}
		}
		return Optional.empty();
	}

	public boolean covers(String clause, String check, ExemptionSubject... subjects) {
		return covering(clause, check, subjects).isPresent();
	}
}
