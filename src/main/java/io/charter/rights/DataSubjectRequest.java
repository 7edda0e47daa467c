package io.charter.rights;

import static io.charter.rights.RequestStatus.AWAITING_VERIFICATION;
import static io.charter.rights.RequestStatus.COMPLETED;
import static io.charter.rights.RequestStatus.EXTENDED;
import static io.charter.rights.RequestStatus.IN_PROGRESS;
import static io.charter.rights.RequestStatus.RECEIVED;
import static io.charter.rights.RequestStatus.REFUSED;
import static io.charter.rights.RequestStatus.VERIFIED;
import static io.charter.rights.RequestStatus.WAITING_FOR_REQUESTER;
import static io.charter.rights.RequestStatus.WITHDRAWN;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.charter.shared.personaldata.DataSubject;

/**
 * A data-subject request: who asked what, when it was received, where it stands and by when it
 * must be answered. Every change goes through a method here that checks the state and the law,
 * keeps the due date right and registers what happened, for the request's history and the audit
 * trail. Refers to the assignee by id only.
 */
public final class DataSubjectRequest {

	/** What a change did: a history line (with the staff's or requester's words) and an audit summary (without). */
	record Change(String verb, String summary, String text) {
	}

	/**
	 * One fulfilment record as the completion rule reads it.
	 *
	 * @param action ERASE, RESTRICT, ... as the module ran it, or {@link #EXCEPTION} for a reason staff recorded
	 * @param outcome DONE, NOTHING_HELD, PARTLY, NOT_APPLICABLE, FAILED; for an exception a {@link KeptReason}
	 */
	public record ModuleStep(String holder, String action, String outcome) {
	}

	/** The action of a fulfilment record that staff made by hand (with a {@link KeptReason}). */
	public static final String EXCEPTION = "EXCEPTION";

	static final int MAX_TEXT = 5000;
	/** The history step of a form request whose verification link was not sent. */
	static final String VERIFICATION_WITHHELD = RightsEvent.VerificationWithheld.VERB;
	private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Set<RequestStatus> EXTENDABLE = EnumSet.of(RECEIVED, AWAITING_VERIFICATION, VERIFIED, IN_PROGRESS);
	private static final Set<RequestStatus> COMPLETABLE = EnumSet.of(VERIFIED, IN_PROGRESS, EXTENDED);

	final UUID id;
	final String reference;
	final RequestType type;
	final Channel channel;
	final String name;
	final String email;
	final String language;
	final String visitorId;
	final String details;
	final LocalDate receivedOn;
	final Instant receivedAt;
	RequestStatus status;
	LocalDate firstDueOn;
	LocalDate dueOn;
	int suspendedDays;
	LocalDate suspendedSince;
	RequestStatus resumeStatus;
	boolean extended;
	String extensionReason;
	LocalDate extendedOn;
	Instant verifiedAt;
	String verificationMeans;
	UUID assigneeId;
	Instant closedAt;
	String closingText;
	boolean answeredLate;
	int version;

	private final transient List<Change> changes = new ArrayList<>();

	DataSubjectRequest(UUID id, String reference, RequestType type, Channel channel, String name, String email,
			String language, String visitorId, String details, LocalDate receivedOn, Instant receivedAt) {
		this.id = id;
		this.reference = reference;
		this.type = type;
		this.channel = channel;
		this.name = name;
		this.email = email;
		this.language = language;
		this.visitorId = visitorId;
		this.details = details;
		this.receivedOn = receivedOn;
		this.receivedAt = receivedAt;
	}

	// What the services of the sub-packages read; they change the request only through the steps below.

	public UUID id() {
		return id;
	}

	public String reference() {
		return reference;
	}

	public RequestType type() {
		return type;
	}

	public Channel channel() {
		return channel;
	}

	public String name() {
		return name;
	}

	public String email() {
		return email;
	}

	public String language() {
		return language;
	}

	public String visitorId() {
		return visitorId;
	}

	public String details() {
		return details;
	}

	public LocalDate receivedOn() {
		return receivedOn;
	}

	public Instant receivedAt() {
		return receivedAt;
	}

	public RequestStatus status() {
		return status;
	}

	public LocalDate dueOn() {
		return dueOn;
	}

	public int suspendedDays() {
		return suspendedDays;
	}

	public LocalDate suspendedSince() {
		return suspendedSince;
	}

	public boolean extended() {
		return extended;
	}

	public String extensionReason() {
		return extensionReason;
	}

	public LocalDate extendedOn() {
		return extendedOn;
	}

	public Instant verifiedAt() {
		return verifiedAt;
	}

	public String verificationMeans() {
		return verificationMeans;
	}

	public UUID assigneeId() {
		return assigneeId;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public String closingText() {
		return closingText;
	}

	public boolean answeredLate() {
		return answeredLate;
	}

	/**
	 * A new request. Requests from the public form wait for the requester to confirm their address
	 * ({@code awaitingVerification}); requests registered by staff (post, e-mail, phone) start as
	 * received.
	 */
	public static DataSubjectRequest receive(RequestType type, Channel channel, String name, String email, String language,
			String visitorId, String details, LocalDate receivedOn, Instant now, Deadlines deadlines,
			boolean awaitingVerification) {
		DataSubjectRequest r = new DataSubjectRequest(UUID.randomUUID(), newReference(), type, channel, name.strip(),
				email.strip(), language, visitorId == null || visitorId.isBlank() ? null : visitorId.strip(),
				details == null || details.isBlank() ? null : details.strip(), receivedOn, now);
		r.status = awaitingVerification ? AWAITING_VERIFICATION : RECEIVED;
		r.firstDueOn = deadlines.firstDue(receivedOn, 0);
		r.dueOn = r.firstDueOn;
		r.changes.add(new Change(RightsEvent.RequestReceived.VERB,
				type + " request via " + channel + ", received on " + receivedOn
						+ ", due on " + r.dueOn + ", " + r.status, null));
		return r;
	}

	/** A short reference for letters and phone calls, e.g. {@code DSR-7K3F9QXA}; 40 random bits. */
	static String newReference() {
		char[] out = new char[8];
		for (int i = 0; i < out.length; i++) {
			out[i] = REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)];
		}
		return "DSR-" + new String(out);
	}

	public boolean open() {
		return status.open();
	}

	public boolean verified() {
		return verifiedAt != null;
	}

	/** The due date as it stands today: while the clock is suspended, it moves a day with every day waited. */
	public LocalDate dueAsOf(LocalDate today, Deadlines deadlines) {
		if (status != WAITING_FOR_REQUESTER) {
			return dueOn;
		}
		return deadlines.due(receivedOn, suspendedDays + Deadlines.daysSuspended(suspendedSince, today), extended);
	}

	/** The end of the first month as it stands today (for extensions and refusals). */
	public LocalDate firstDueAsOf(LocalDate today, Deadlines deadlines) {
		long waiting = status == WAITING_FOR_REQUESTER ? Deadlines.daysSuspended(suspendedSince, today) : 0;
		return deadlines.firstDue(receivedOn, suspendedDays + waiting);
	}

	/**
	 * The steps this request's state allows today.
	 *
	 * @param systemsToNotify whether a system connected for the request's type has not been told yet
	 */
	public Set<RequestAction> allowedActions(LocalDate today, Deadlines deadlines, boolean systemsToNotify) {
		boolean open = open();
		boolean waiting = status == WAITING_FOR_REQUESTER;
		boolean handling = open && !waiting && verified();
		Set<RequestAction> allowed = EnumSet.noneOf(RequestAction.class);
		if (open && !verified() && (status == RECEIVED || status == AWAITING_VERIFICATION)) {
			allowed.add(RequestAction.SEND_VERIFICATION_LINK);
		}
		if (open && !verified()) {
			allowed.add(RequestAction.VERIFY);
		}
		if (status == VERIFIED) {
			allowed.add(RequestAction.START);
		}
		if (open && !waiting) {
			allowed.add(RequestAction.ASK_REQUESTER);
		}
		if (waiting) {
			allowed.add(RequestAction.RESUME);
		}
		if (open && !extended && !waiting && status != EXTENDED && !today.isAfter(firstDueAsOf(today, deadlines))) {
			allowed.add(RequestAction.EXTEND);
		}
		if (handling && status != RECEIVED && status != AWAITING_VERIFICATION) {
			allowed.add(RequestAction.COMPLETE);
		}
		if (open) {
			allowed.addAll(EnumSet.of(RequestAction.REFUSE, RequestAction.WITHDRAW, RequestAction.RECORD_EXCEPTION,
					RequestAction.ASSIGN));
		}
		if (handling && type.deliversData()) {
			allowed.add(RequestAction.DELIVER_PACKAGE);
		}
		if (handling && type == RequestType.ERASURE) {
			allowed.add(RequestAction.ERASE);
		}
		if (handling && (type == RequestType.RESTRICTION || type == RequestType.OBJECTION)) {
			allowed.add(RequestAction.RESTRICT);
		}
		if (handling && type == RequestType.WITHDRAWAL) {
			allowed.add(RequestAction.WITHDRAW_CONSENT);
		}
		if (handling && systemsToNotify) {
			allowed.add(RequestAction.NOTIFY_SYSTEMS);
		}
		return allowed;
	}

	/**
	 * Refuses a fulfilment step the request is not ready for: closed, of another type, not verified,
	 * or waiting for the requester.
	 *
	 * @param types the types of request the step serves
	 */
	public DataSubjectRequest requireReadyTo(RequestType... types) {
		if (!open()) {
			throw new RequestAlreadyClosed(status);
		}
		if (!List.of(types).contains(type)) {
			throw new StepNotAllowed("rights.refused.wrong-type", type.resolvable());
		}
		if (!verified()) {
			throw new StepNotAllowed("rights.refused.verify-requesters-identity-first");
		}
		if (status == WAITING_FOR_REQUESTER) {
			throw new StepNotAllowed("rights.refused.resume-request-first");
		}
		return this;
	}

	/** The requester as the modules that hold personal data see them. */
	public DataSubject subject() {
		return new DataSubject(id, email, visitorId, language, name);
	}

	/** A (new) verification link goes to the requester's address. */
	public void sendVerificationLink() {
		requireOpen();
		if (verified()) {
			throw new StepNotAllowed("rights.refused.requesters-identity-already-verified");
		}
		if (status != RECEIVED && status != AWAITING_VERIFICATION) {
			throw new StepNotAllowed("rights.refused.verification-link-sent-before");
		}
		status = AWAITING_VERIFICATION;
		changes.add(new Change(RightsEvent.VerificationSent.VERB, "verification link sent", null));
	}

	/**
	 * No verification link goes out for this request from the form: its address already got
	 * {@code limit} of them in the last 24 hours. Staff may still send one.
	 */
	public void withholdVerificationLink(int limit) {
		changes.add(new Change(VERIFICATION_WITHHELD, "no verification link sent: the form already sent " + limit
				+ " to this address in 24 hours", null));
	}

	/**
	 * The requester is who they say they are: they used the link sent to their address, or staff
	 * checked it by some proportionate means (recorded, never a copy of a document).
	 */
	public void markVerified(String means, Instant now) {
		requireOpen();
		if (verified()) {
			throw new StepNotAllowed("rights.refused.requesters-identity-already-verified");
		}
		String how = text(means, 200, "rights.refused.say-how-identity-was");
		verifiedAt = now;
		verificationMeans = how;
		if (status == RECEIVED || status == AWAITING_VERIFICATION) {
			status = VERIFIED;
		}
		else if (status == WAITING_FOR_REQUESTER && (resumeStatus == RECEIVED || resumeStatus == AWAITING_VERIFICATION)) {
			resumeStatus = VERIFIED;
		}
		changes.add(new Change(RightsEvent.RequestVerified.VERB, "identity verified", how));
	}

	public void start() {
		requireOpen();
		if (status != VERIFIED) {
			throw new StepNotAllowed("rights.refused.verified-request-started");
		}
		status = IN_PROGRESS;
		changes.add(new Change(RightsEvent.RequestStarted.VERB, "in progress", null));
	}

	/** Staff asked the requester for information or identification: the clock stops until they answer. */
	public void askRequester(String message, LocalDate today) {
		requireOpen();
		if (status == WAITING_FOR_REQUESTER) {
			throw new StepNotAllowed("rights.refused.request-already-waiting-for");
		}
		String text = text(message, MAX_TEXT, "rights.refused.write-what-requester-should");
		resumeStatus = status;
		status = WAITING_FOR_REQUESTER;
		suspendedSince = today;
		changes.add(new Change(RightsEvent.InformationRequested.VERB,
				"information asked from the requester; clock suspended on " + today, text));
	}

	/** The requester answered (or staff stop waiting): the clock runs again and the due date moves by the days waited. */
	public void resume(LocalDate today, Deadlines deadlines) {
		requireOpen();
		if (status != WAITING_FOR_REQUESTER) {
			throw new StepNotAllowed("rights.refused.request-not-waiting-for");
		}
		long waited = Deadlines.daysSuspended(suspendedSince, today);
		suspendedDays += (int) waited;
		status = resumeStatus;
		resumeStatus = null;
		suspendedSince = null;
		firstDueOn = deadlines.firstDue(receivedOn, suspendedDays);
		dueOn = deadlines.due(receivedOn, suspendedDays, extended);
		changes.add(new Change(RightsEvent.RequestResumed.VERB,
				"clock resumed after " + waited + " day(s); " + suspendedDays
						+ " day(s) suspended in all; due on " + dueOn, null));
	}

	/** Art. 12(3): two further months, with the reasons, decided and sent within the first month. */
	public void extend(String reason, LocalDate today, Deadlines deadlines) {
		requireOpen();
		if (extended) {
			throw new StepNotAllowed("rights.refused.period-was-already-extended");
		}
		if (!EXTENDABLE.contains(status)) {
			throw new StepNotAllowed("rights.refused.resume-request-before-extending");
		}
		String why = text(reason, MAX_TEXT, "rights.refused.extension-needs-reasons-sent");
		LocalDate firstDue = deadlines.firstDue(receivedOn, suspendedDays);
		if (today.isAfter(firstDue)) {
			throw new ExtensionTooLate(firstDue);
		}
		extended = true;
		extensionReason = why;
		extendedOn = today;
		status = EXTENDED;
		dueOn = deadlines.due(receivedOn, suspendedDays, true);
		changes.add(new Change(RightsEvent.RequestExtended.VERB,
				"period extended by two months on " + today + "; due on " + dueOn, why));
	}

	/**
	 * The fulfilment step an erasure or a restriction request needs in every module holding
	 * personal data before it can be completed ({@code ERASE}, {@code RESTRICT}); null for the others.
	 */
	public String requiredFulfilment() {
		return switch (type) {
			case ERASURE -> "ERASE";
			case RESTRICTION -> "RESTRICT";
			default -> null;
		};
	}

	/**
	 * Answers and closes the request. An erasure (restriction) is completed only when, in every
	 * module holding personal data, the erasure (restriction) ran without failing, or staff recorded
	 * why not: the letter then tells the requester the truth about each module.
	 *
	 * @param holders the names of the modules holding personal data
	 * @param steps the request's fulfilment records, oldest first: the latest one per module counts
	 */
	public void complete(String answer, Instant now, LocalDate today, Collection<String> holders, List<ModuleStep> steps) {
		requireOpen();
		String required = requiredFulfilment();
		if (required != null) {
			Map<String, ModuleStep> latest = new HashMap<>();
			for (ModuleStep step : steps) {
				if (step.action().equals(required) || step.action().equals(EXCEPTION)) {
					latest.put(step.holder(), step);
				}
			}
			List<String> missing = holders.stream().sorted().filter(h -> !covered(latest.get(h))).toList();
			if (!missing.isEmpty()) {
				throw new FulfilmentIncomplete(required.toLowerCase(java.util.Locale.ROOT), missing);
			}
		}
		if (!COMPLETABLE.contains(status)) {
			throw new StepNotAllowed(status == WAITING_FOR_REQUESTER ? "rights.refused.resume-before-completing"
					: "rights.refused.verify-requesters-identity-before");
		}
		if (!verified()) {
			throw new StepNotAllowed("rights.refused.verify-requesters-identity-before");
		}
		close(COMPLETED, text(answer, MAX_TEXT, "rights.refused.write-answer-requester"), now, today, "completed",
				today.isAfter(dueOn));
	}

	/**
	 * Art. 12(5): manifestly unfounded or excessive (or the person could not be identified, art.
	 * 12(2)). The reasons and the remedies (art. 12(4)) are sent to the requester. Allowed after the
	 * first month too, since the requester must still be told, but recorded as late.
	 */
	public void refuse(String reasons, Instant now, LocalDate today, Deadlines deadlines) {
		requireOpen();
		String why = text(reasons, MAX_TEXT, "rights.refused.refusal-needs-reasons-sent");
		LocalDate firstDue = firstDueAsOf(today, deadlines);
		boolean late = today.isAfter(firstDue);
		close(REFUSED, why, now, today, "refused" + (late ? " after the first month (ended " + firstDue + ")" : ""), late);
	}

	public void withdraw(String reason, Instant now, LocalDate today) {
		requireOpen();
		close(WITHDRAWN, text(reason, MAX_TEXT, "rights.refused.say-why-request-withdrawn"), now, today, "withdrawn", false);
	}

	/**
	 * A form request whose address was never confirmed before its link expired: nobody showed it is
	 * theirs, so it closes without a letter (the address may not be the requester's).
	 */
	public void closeUnconfirmed(Instant now, LocalDate today) {
		requireOpen();
		if (status != AWAITING_VERIFICATION || verified()) {
			throw new StepNotAllowed("rights.refused.request-awaiting-confirmation-address");
		}
		close(RequestStatus.UNCONFIRMED, "closed automatically: the e-mail address was not confirmed before the link expired",
				now, today, "closed as not confirmed", false);
	}

	private static boolean covered(ModuleStep step) {
		return step != null && (step.action().equals(EXCEPTION) || !step.outcome().equals("FAILED"));
	}

	public void assign(UUID assignee) {
		requireOpen();
		assigneeId = assignee;
		changes.add(new Change("assigned", assignee == null ? "unassigned" : "assigned to user:" + assignee, null));
	}

	/** Internal notes are allowed on closed requests too (e.g. a later call from the requester). */
	public void note(String text) {
		changes.add(new Change("note", "internal note added", text(text, MAX_TEXT, "rights.refused.note-cannot-empty")));
	}

	/** A fulfilment step recorded by the orchestration (export, erasure, restriction, a system's report). */
	public void recordFulfilment(String verb, String summary, String text) {
		changes.add(new Change(verb, summary, text));
	}

	private void close(RequestStatus to, String text, Instant now, LocalDate today, String verb, boolean late) {
		if (status == WAITING_FOR_REQUESTER) {
			suspendedDays += (int) Deadlines.daysSuspended(suspendedSince, today);
			suspendedSince = null;
			resumeStatus = null;
		}
		answeredLate = late;
		status = to;
		closedAt = now;
		closingText = text;
		changes.add(new Change(to.name().toLowerCase(java.util.Locale.ROOT), verb + " on " + today
				+ (late && to == COMPLETED ? " (after the due date " + dueOn + ")" : ""), text));
	}

	private void requireOpen() {
		if (!open()) {
			throw new RequestAlreadyClosed(status);
		}
	}

	private static String text(String value, int max, String whenMissing) {
		if (value == null || value.isBlank()) {
			throw new RequestChangeRefused(whenMissing);
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new RequestChangeRefused("rights.refused.text-too-long", max);
		}
		return v;
	}

	/** What happened since the request was loaded; taken once by the service that saves it. */
	List<Change> takeChanges() {
		List<Change> out = List.copyOf(changes);
		changes.clear();
		return out;
	}
}
