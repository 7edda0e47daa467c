package io.charter.policies;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * What happened to a policy, recorded in the audit trail: entity {@code policy}, the document's id.
 * Summaries name the version, never the person's name or address.
 */
public sealed interface PolicyEvent extends AuditableEvent {

	String ENTITY = "policy";

	String documentId();

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return documentId();
	}

	/** A document was created in the console; its first version follows as a draft. */
	record DocumentCreated(String documentId, String title, List<String> clauses, boolean acknowledgementRequired,
			String actor, Instant occurredAt) implements PolicyEvent {

		@Override
		public String action() {
			return ENTITY + ".document-created";
		}

		@Override
		public String summary() {
			return "document created (" + title + "), serving " + String.join(", ", clauses)
					+ (acknowledgementRequired ? ", acknowledgement required" : ", acknowledgement not required");
		}
	}

	/** A document was retired: no longer asked of people; its versions and acknowledgements are kept. */
	record DocumentRetired(String documentId, String actor, Instant occurredAt) implements PolicyEvent {

		@Override
		public String action() {
			return ENTITY + ".document-retired";
		}

		@Override
		public String summary() {
			return "document retired, versions and acknowledgements kept";
		}
	}

	/** A draft version was written or replaced. */
	record DraftSaved(String documentId, int version, String actor, Instant occurredAt) implements PolicyEvent {

		@Override
		public String action() {
			return ENTITY + ".draft-saved";
		}

		@Override
		public String summary() {
			return "draft version " + version + " saved";
		}
	}

	/** A version was published: every person in scope is asked to acknowledge it. */
	record VersionPublished(String documentId, int version, String sha256, String actor, Instant occurredAt)
			implements PolicyEvent {

		@Override
		public String action() {
			return ENTITY + ".version-published";
		}

		@Override
		public String summary() {
			return "version " + version + " published (sha256 " + sha256 + ")";
		}
	}

	/** A person acknowledged a version; {@code personId} is their directory id. */
	record Acknowledged(String documentId, int version, UUID personId, String textSha256, String actor,
			Instant occurredAt) implements PolicyEvent {

		@Override
		public String action() {
			return ENTITY + ".acknowledged";
		}

		@Override
		public String summary() {
			return "version " + version + " acknowledged by person " + personId;
		}
	}
}
