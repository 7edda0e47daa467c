package io.charter.rights;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A step in the life of a data-subject request, published with the history line it adds and
 * recorded in the audit trail. The trail names the request by its id only: summaries carry types,
 * states, dates and counts, never the requester's name, address or words.
 * <p>
 * The lifecycle has a record per step; the steps around it that nobody reacts to (notes,
 * assignments, fulfilment and connected-system steps, letters, reminders, downloads) are one
 * {@link RequestChanged} whose verb only names the step for the trail. Listen to the records, or
 * to this interface for every step; never compare actions.
 * <p>
 * The records are stored by the event publication registry until every listener has handled them,
 * so renaming one, or changing its components, strands publications still outstanding under the
 * old shape.
 */
public sealed interface RightsEvent extends AuditableEvent {

	String ENTITY = "data-subject-request";

	UUID requestId();

	/** The verb after {@code data-subject-request.}, as the request's history names the step. */
	String verb();

	@Override
	default String action() {
		return ENTITY + "." + verb();
	}

	@Override
	default String entityType() {
		return ENTITY;
	}

	@Override
	default String entityId() {
		return requestId().toString();
	}

	/** Received through the form, by e-mail, post or in person; the summary names type, channel and dates. */
	record RequestReceived(UUID requestId, String summary, String actor, Instant occurredAt) implements RightsEvent {

		static final String VERB = "received";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** A verification link sent to the requester's address. */
	record VerificationSent(UUID requestId, String summary, String actor, Instant occurredAt) implements RightsEvent {

		static final String VERB = "verification-sent";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** No verification link sent: the form had sent its limit to the address. */
	record VerificationWithheld(UUID requestId, String summary, String actor, Instant occurredAt)
			implements RightsEvent {

		static final String VERB = "verification-withheld";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** The requester's identity verified. */
	record RequestVerified(UUID requestId, String summary, String actor, Instant occurredAt) implements RightsEvent {

		static final String VERB = "verified";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** Work on the request started. */
	record RequestStarted(UUID requestId, String summary, String actor, Instant occurredAt) implements RightsEvent {

		static final String VERB = "started";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** Information asked from the requester; the clock is suspended. */
	record InformationRequested(UUID requestId, String summary, String actor, Instant occurredAt)
			implements RightsEvent {

		static final String VERB = "info-requested";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** The requester answered; the clock runs again. */
	record RequestResumed(UUID requestId, String summary, String actor, Instant occurredAt) implements RightsEvent {

		static final String VERB = "resumed";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** The period extended by two months (art. 12(3)). */
	record RequestExtended(UUID requestId, String summary, String actor, Instant occurredAt) implements RightsEvent {

		static final String VERB = "extended";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/** The requester's data removed after the retention period. */
	record RequestAnonymised(UUID requestId, String summary, String actor, Instant occurredAt) implements RightsEvent {

		public static final String VERB = "anonymised";

		@Override
		public String verb() {
			return VERB;
		}
	}

	/**
	 * Closed: answered ({@code COMPLETED}), refused, withdrawn, or closed unconfirmed when the
	 * address was not confirmed in time.
	 *
	 * @param outcome the closed status the request is in
	 */
	record RequestClosed(UUID requestId, RequestStatus outcome, String summary, String actor, Instant occurredAt)
			implements RightsEvent {

		@Override
		public String verb() {
			return outcome.name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * Any other step, for the trail only: an internal note, an assignment, a fulfilment or
	 * connected-system step, a letter, a reminder, a download. The set of verbs is open (a system
	 * names its own steps), so a listener that needs one of these asks for a record of its own
	 * rather than comparing verbs.
	 */
	record RequestChanged(UUID requestId, String verb, String summary, String actor, Instant occurredAt)
			implements RightsEvent {
	}
}
