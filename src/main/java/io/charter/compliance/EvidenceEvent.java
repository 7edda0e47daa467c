package io.charter.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * What happened to an evidence package, recorded in the audit trail: entity {@code evidence}, the
 * package's id. The trail keeps the period and the ZIP's SHA-256 after the file itself is removed, so
 * a package handed to an auditor can still be matched to the trail.
 */
public sealed interface EvidenceEvent extends AuditableEvent {

	String ENTITY = "evidence";

	UUID packageId();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return packageId().toString();
	}

	/** A package was built for a period. */
	record PackageBuilt(UUID packageId, LocalDate from, LocalDate to, int files, String sha256, String actor,
			Instant occurredAt) implements EvidenceEvent {

		@Override
		public String action() {
			return ENTITY + ".built";
		}

		@Override
		public String summary() {
			return "evidence package for " + from + " to " + to + " built, " + files + " files, sha256 " + sha256;
		}
	}

	/** A package's ZIP was removed once past the retention period; its row says "expired". */
	record PackageExpired(UUID packageId, LocalDate from, LocalDate to, String sha256, String actor,
			Instant occurredAt) implements EvidenceEvent {

		@Override
		public String action() {
			return ENTITY + ".expired";
		}

		@Override
		public String summary() {
			return "evidence package for " + from + " to " + to + " removed after the retention period, sha256 " + sha256;
		}
	}
}
