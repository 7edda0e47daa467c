package io.charter.rights;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A step in the life of a data-subject request, for the audit trail. The trail names the request
 * by its id only: summaries carry types, states, dates and counts, never the requester's name,
 * address or words.
 *
 * @param action e.g. {@code data-subject-request.received}, {@code data-subject-request.extended}
 */
public record RightsEvent(String actor, String action, String entityType, String entityId, String summary,
		Instant occurredAt) implements AuditableEvent {

	static final String ENTITY = "data-subject-request";

	static RightsEvent of(String actor, String verb, UUID requestId, String summary, Instant at) {
		return new RightsEvent(actor, ENTITY + "." + verb, ENTITY, requestId.toString(), summary, at);
	}
}
