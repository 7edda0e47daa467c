package io.charter.shared;

import java.time.Instant;

/**
 * An event that changes state somewhere in Charter and belongs in the audit trail. The audit
 * module listens to this one type, so modules publish their own past-tense event records and
 * depend on nobody to have them recorded.
 */
public interface AuditableEvent {

	/** Who did it: {@code user:<id>}, {@code token:<id>}, {@code system} or {@code anonymous}. */
	String actor();

	/** What was done, as {@code <entity>.<verb>}, e.g. {@code user.invited}. */
	String action();

	String entityType();

	String entityId();

	/** What changed, without personal data beyond identifiers. */
	String summary();

	Instant occurredAt();
}
