package io.charter.compliance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An evidence package as its page lists it: its period, who asked, its progress and, once done, its SHA-256. */
public record PackageRow(UUID id, LocalDate from, LocalDate to, String requestedBy, Instant requestedAt, String state,
		int done, int total, String sha256) {

	public boolean ready() {
		return state.equals("DONE");
	}

	/** Its ZIP was removed after the retention period; the row and its SHA-256 stay. */
	public boolean expired() {
		return state.equals("EXPIRED");
	}
}
