package io.charter.rights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.charter.rights.RightsEvent.InformationRequested;
import io.charter.rights.RightsEvent.RequestAnonymised;
import io.charter.rights.RightsEvent.RequestChanged;
import io.charter.rights.RightsEvent.RequestClosed;
import io.charter.rights.RightsEvent.RequestExtended;
import io.charter.rights.RightsEvent.RequestReceived;
import io.charter.rights.RightsEvent.RequestResumed;
import io.charter.rights.RightsEvent.RequestStarted;
import io.charter.rights.RightsEvent.RequestVerified;
import io.charter.rights.RightsEvent.VerificationSent;
import io.charter.rights.RightsEvent.VerificationWithheld;

/**
 * Loads and saves requests for the services: a save writes the state (refused when someone else
 * saved in between), a history line per change, and an audit event per change. Runs in the
 * caller's transaction.
 */
@Component
public class RequestChanges {

	private final DataSubjectRequests requests;
	private final RequestHistory history;
	private final ApplicationEventPublisher events;
	private final RightsSettings settings;
	private final Clock clock;

	RequestChanges(DataSubjectRequests requests, RequestHistory history, ApplicationEventPublisher events,
			RightsSettings settings, Clock clock) {
		this.requests = requests;
		this.history = history;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	/** Today in the organisation's time zone: receipt and due dates are dates there. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), settings.zone());
	}

	/**
	 * Verification links the public form sent to an address since a time: its requests from the
	 * form, less those it kept without a link.
	 */
	public int formLinksSentTo(String email, Instant since) {
		return requests.formLinksSentTo(email, since);
	}

	public DataSubjectRequest load(UUID id) {
		return requests.findById(id).orElseThrow(() -> new RequestNotFound(id));
	}

	public void insert(DataSubjectRequest request, String actor) {
		requests.insert(request);
		record(request, actor);
	}

	public void save(DataSubjectRequest request, String actor) {
		if (!requests.update(request)) {
			throw new StepNotAllowed("rights.refused.someone-else-changed-this");
		}
		record(request, actor);
	}

	/** A step that does not change the request's state (a download, a module's report): history and audit only. */
	public void log(UUID requestId, String actor, String verb, String summary, String text) {
		Instant now = clock.instant();
		history.append(requestId, now, actor, verb, summary, text);
		events.publishEvent(event(requestId, verb, summary, actor, now));
	}

	private void record(DataSubjectRequest request, String actor) {
		Instant now = clock.instant();
		for (DataSubjectRequest.Change change : request.takeChanges()) {
			history.append(request.id, now, actor, change.verb(), change.summary(), change.text());
			events.publishEvent(event(request.id, change.verb(), change.summary(), actor, now));
		}
	}

	/**
	 * The event for a step the request's history records under a verb: the record of that step, or
	 * a {@link RequestChanged} for any other.
	 */
	static RightsEvent event(UUID requestId, String verb, String summary, String actor, Instant at) {
		return switch (verb) {
			case RequestReceived.VERB -> new RequestReceived(requestId, summary, actor, at);
			case VerificationSent.VERB -> new VerificationSent(requestId, summary, actor, at);
			case VerificationWithheld.VERB -> new VerificationWithheld(requestId, summary, actor, at);
			case RequestVerified.VERB -> new RequestVerified(requestId, summary, actor, at);
			case RequestStarted.VERB -> new RequestStarted(requestId, summary, actor, at);
			case InformationRequested.VERB -> new InformationRequested(requestId, summary, actor, at);
			case RequestResumed.VERB -> new RequestResumed(requestId, summary, actor, at);
			case RequestExtended.VERB -> new RequestExtended(requestId, summary, actor, at);
			case RequestAnonymised.VERB -> new RequestAnonymised(requestId, summary, actor, at);
			// DataSubjectRequest names a closing step after the closed status it moved to.
			case "completed", "refused", "withdrawn", "unconfirmed" ->
				new RequestClosed(requestId, RequestStatus.valueOf(verb.toUpperCase(Locale.ROOT)), summary, actor, at);
			default -> new RequestChanged(requestId, verb, summary, actor, at);
		};
	}
}
