package io.charter.scanner.web;

import java.time.Instant;
import java.util.UUID;

/** A scan as the pages list it; {@code status} is lower case (running, done, cancelled, failed). */
public record ScanView(UUID id, String siteKey, String status, Instant startedAt, Instant finishedAt, int pagesDone,
		int pagesPlanned, int percent, Integer declarationVersion, int breaches, int undeclared, String failure) {

	public boolean running() {
		return status.equals("running");
	}
}
