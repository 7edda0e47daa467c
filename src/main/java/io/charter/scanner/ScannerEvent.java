package io.charter.scanner;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/** A scan started or ended, recorded in the audit trail: entity {@code cookie-scan}, the scan's id. */
public sealed interface ScannerEvent extends AuditableEvent {

	String ENTITY = "cookie-scan";

	UUID scanId();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return scanId().toString();
	}

	record ScanStarted(UUID scanId, String siteKey, String summary, String actor, Instant occurredAt)
			implements ScannerEvent {

		@Override
		public String action() {
			return "scanner.scan-started";
		}
	}

	/** @param status DONE, CANCELLED or FAILED */
	record ScanEnded(UUID scanId, String siteKey, String status, int breaches, int undeclared, String summary,
			String actor, Instant occurredAt) implements ScannerEvent {

		@Override
		public String action() {
			return "scanner.scan-ended";
		}
	}

	/** An undeclared cookie a scan found, added to the site's draft catalogue. */
	record CookieProposed(UUID scanId, String siteKey, String cookie, String summary, String actor,
			Instant occurredAt) implements ScannerEvent {

		@Override
		public String action() {
			return "scanner.cookie-proposed";
		}
	}
}
