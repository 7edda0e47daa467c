package io.charter.premises.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A clean-desk spot check as the security team's pages show it, with what was found. */
public record DeskCheckRow(UUID id, LocalDate checkedOn, String area, int desksChecked, List<Finding> findings) {

	/** What was found on one desk; {@code person} is the name from the directory, or null. */
	public record Finding(String desk, String found, String person, String followUp, Instant notifiedAt) {
	}
}
