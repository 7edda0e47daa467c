package io.charter.rights.workflow;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.rights.Channel;
import io.charter.rights.DataSubjectRequest;
import io.charter.rights.Deadlines;
import io.charter.rights.Letters;
import io.charter.rights.NewRequest;
import io.charter.rights.RequestChangeRefused;
import io.charter.rights.RequestChanges;
import io.charter.rights.ResponsePackages;
import io.charter.rights.StaffAccess;
import io.charter.rights.fulfilment.ConnectedSystems;
import io.charter.rights.fulfilment.FulfilmentCoverage;
import io.charter.rights.intake.RequestIntake;
import io.charter.rights.web.RequestDetails;
import io.charter.shared.Actors;

/**
 * The privacy team's workflow on a request: register one that came by post, e-mail or phone,
 * verify, assign, ask, extend, answer, refuse, withdraw. Each step loads the request, lets it
 * check its own state, saves it and sends the requester's letter. PRIVACY or ADMIN.
 */
@Service
class RequestSteps {

	private final RequestChanges changes;
	private final RequestIntake intake;
	private final Letters letters;
	private final Deadlines deadlines;
	private final ResponsePackages packages;
	private final ConnectedSystems systems;
	private final RequestQueries queries;
	private final FulfilmentCoverage coverage;

	RequestSteps(RequestChanges changes, RequestIntake intake, Letters letters, Deadlines deadlines,
			ResponsePackages packages, ConnectedSystems systems, RequestQueries queries, FulfilmentCoverage coverage) {
		this.coverage = coverage;
		this.changes = changes;
		this.intake = intake;
		this.letters = letters;
		this.deadlines = deadlines;
		this.packages = packages;
		this.systems = systems;
		this.queries = queries;
	}

	/** Registers a request with {@link #register(NewRequest, Channel, LocalDate, LocalDate)}, no answer date given. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public RequestDetails register(NewRequest form, Channel channel, LocalDate receivedOn) {
		return register(form, channel, receivedOn, null);
	}

	/**
	 * Registers a request that reached the organisation another way than the form. The period runs
	 * from {@code receivedOn} (today when null), which cannot be in the future. The requester gets
	 * an acknowledgement with the due date; when that date has already passed, the acknowledgement
	 * says the request is late and promises {@code answerBy} (not in the past), or an answer as soon
	 * as possible when none is given, never a date that is gone.
	 */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public RequestDetails register(NewRequest form, Channel channel, LocalDate receivedOn, LocalDate answerBy) {
		LocalDate today = changes.today();
		LocalDate received = receivedOn == null ? today : receivedOn;
		if (received.isAfter(today)) {
			throw new RequestChangeRefused("rights.refused.date-receipt-cannot-future");
		}
		if (channel == null) {
			throw new RequestChangeRefused("rights.refused.say-how-request-was");
		}
		if (answerBy != null && answerBy.isBefore(today)) {
			throw new RequestChangeRefused("rights.refused.date-by-which-late");
		}
		DataSubjectRequest request = intake.receive(form, channel, received, false);
		changes.insert(request, Actors.current());
		String lang = request.language();
		if (request.dueOn().isBefore(today)) {
			letters.toRequester(request, "rights-received-late", Map.of("receivedOn", Letters.date(received, lang),
					"dueOn", Letters.date(request.dueOn(), lang), "answerBy", answerBy == null
							? letters.asSoonAsPossible(lang) : letters.onDate(answerBy, lang)));
			changes.log(request.id(), Actors.current(), "letter-sent", "late acknowledgement " + letters.delivery()
					+ " (rights-received-late, " + lang + "): due on " + request.dueOn() + ", answer promised "
					+ (answerBy == null ? "as soon as possible" : "by " + answerBy), null);
		}
		else {
			letters.toRequester(request, "rights-received", Map.of("receivedOn", Letters.date(received, lang),
					"dueOn", Letters.date(request.dueOn(), lang)));
		}
		return queries.details(request);
	}

	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void assign(UUID id, UUID assigneeId) {
		if (assigneeId != null && queries.assignees().stream().noneMatch(a -> a.id().equals(assigneeId))) {
			throw new RequestChangeRefused("rights.refused.requests-assigned-active-privacy");
		}
		DataSubjectRequest r = changes.load(id);
		r.assign(assigneeId);
		changes.save(r, Actors.current());
	}

	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void note(UUID id, String text) {
		DataSubjectRequest r = changes.load(id);
		r.note(text);
		changes.save(r, Actors.current());
	}

	/** Sends (again) a single-use link that confirms the requester's address. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void sendVerificationLink(UUID id) {
		DataSubjectRequest r = changes.load(id);
		r.sendVerificationLink();
		changes.save(r, Actors.current());
		intake.sendVerificationLink(r);
	}

	/** Records how staff checked the requester's identity (no copy of any document is kept). */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void recordIdentityCheck(UUID id, String means) {
		DataSubjectRequest r = changes.load(id);
		r.markVerified(means, changes.now());
		changes.save(r, Actors.current());
	}

	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void start(UUID id) {
		DataSubjectRequest r = changes.load(id);
		r.start();
		changes.save(r, Actors.current());
	}

	/** Asks the requester for information or identification; the clock stops until {@link #resume}. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void askRequester(UUID id, String message) {
		DataSubjectRequest r = changes.load(id);
		r.askRequester(message, changes.today());
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-info-needed", Map.of("message", message.strip()));
	}

	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void resume(UUID id) {
		DataSubjectRequest r = changes.load(id);
		r.resume(changes.today(), deadlines);
		changes.save(r, Actors.current());
	}

	/** Extends the period by two months and sends the requester the reasons and the new due date. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void extend(UUID id, String reason) {
		DataSubjectRequest r = changes.load(id);
		r.extend(reason, changes.today(), deadlines);
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-extended", Map.of("reason", r.extensionReason(),
				"dueOn", Letters.date(r.dueOn(), r.language())));
		changes.log(r.id(), Actors.current(), "letter-sent", "extension letter " + letters.delivery() + " (rights-extended, " + r.language()
				+ "), due on " + r.dueOn(), r.extensionReason());
	}

	/**
	 * Answers and closes the request. Refused while a system connected for its type has not reported
	 * done (staff may override a system with a reason).
	 */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void complete(UUID id, String answer) {
		DataSubjectRequest r = changes.load(id);
		if (r.open()) {
			systems.requireReported(r);
		}
		r.complete(answer, changes.now(), changes.today(), coverage.holders(), coverage.steps(r.id()));
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-completed", Map.of("answer", r.closingText(), "fulfilment", coverage.letterLines(r)));
		changes.log(r.id(), Actors.current(), "letter-sent", "answer " + letters.delivery() + " (rights-completed, "
				+ r.language() + ")", null);
	}

	/** Art. 12(5) refusal, with the reasons and the remedies of art. 12(4) sent to the requester. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void refuse(UUID id, String reasons) {
		DataSubjectRequest r = changes.load(id);
		r.refuse(reasons, changes.now(), changes.today(), deadlines);
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-refused", Map.of("reasons", r.closingText(), "remedy", letters.remedy(r.language())));
		changes.log(r.id(), Actors.current(), "letter-sent", "refusal " + letters.delivery() + " (rights-refused, " + r.language() + ")", null);
	}

	/** The requester withdrew the request (or never confirmed it): closed without a letter. */
	@PreAuthorize(StaffAccess.WRITE)
	@Transactional
	public void withdraw(UUID id, String reason) {
		DataSubjectRequest r = changes.load(id);
		r.withdraw(reason, changes.now(), changes.today());
		changes.save(r, Actors.current());
		packages.expireAll(r.id(), changes.now());
	}
}
