package io.charter.rights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.identity.IdentityManagement;
import io.charter.identity.Role;
import io.charter.identity.UserSummary;
import io.charter.shared.Actors;

/**
 * What the privacy team does with data-subject requests: register those that came by post, e-mail
 * or phone, verify, assign, ask, extend, answer, refuse, and fulfil them through the modules that
 * hold personal data. Reads need PRIVACY, ADMIN or AUDITOR; changes need PRIVACY or ADMIN.
 */
@Service
public class RightsManagement {

	static final String READ = "hasAnyRole('PRIVACY','ADMIN','AUDITOR')";
	static final String WRITE = "hasAnyRole('PRIVACY','ADMIN')";

	/** What one module holds on the requester, for the request page. */
	public record DataFound(String holder, Holding holding, String error) {
	}

	private final RequestChanges changes;
	private final DataSubjectRequests requests;
	private final RequestHistory history;
	private final FulfilmentRecords fulfilmentRecords;
	private final ResponsePackages packages;
	private final Fulfilment fulfilment;
	private final PackageWriter packageWriter;
	private final RequestIntake intake;
	private final Letters letters;
	private final Deadlines deadlines;
	private final RightsSettings settings;
	private final IdentityManagement identity;
	private final ConnectedSystems systems;
	private final TransactionTemplate tx;

	RightsManagement(RequestChanges changes, DataSubjectRequests requests, RequestHistory history,
			FulfilmentRecords fulfilmentRecords, ResponsePackages packages, Fulfilment fulfilment,
			PackageWriter packageWriter, RequestIntake intake, Letters letters, Deadlines deadlines,
			RightsSettings settings, IdentityManagement identity, ConnectedSystems systems,
			PlatformTransactionManager transactions) {
		this.changes = changes;
		this.requests = requests;
		this.history = history;
		this.fulfilmentRecords = fulfilmentRecords;
		this.packages = packages;
		this.fulfilment = fulfilment;
		this.packageWriter = packageWriter;
		this.intake = intake;
		this.letters = letters;
		this.deadlines = deadlines;
		this.settings = settings;
		this.identity = identity;
		this.systems = systems;
		this.tx = new TransactionTemplate(transactions);
	}

	// ---- intake by staff ----

	/**
	 * Registers a request that reached the organisation another way than the form. The period runs
	 * from {@code receivedOn} (today when null), which cannot be in the future. The requester gets
	 * an acknowledgement with the due date.
	 */
	@PreAuthorize(WRITE)
	@Transactional
	public RequestDetails register(NewRequest form, Channel channel, LocalDate receivedOn) {
		LocalDate today = changes.today();
		LocalDate received = receivedOn == null ? today : receivedOn;
		if (received.isAfter(today)) {
			throw new RequestChangeRefused("The date of receipt cannot be in the future.");
		}
		if (channel == null) {
			throw new RequestChangeRefused("Say how the request was received.");
		}
		DataSubjectRequest request = intake.receive(form, channel, received, false);
		changes.insert(request, Actors.current());
		letters.toRequester(request, "rights-received", Map.of("receivedOn", Letters.date(received, request.language),
				"dueOn", Letters.date(request.dueOn, request.language)));
		return details(request);
	}

	// ---- reading ----

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<RequestSummary> openRequests() {
		LocalDate today = changes.today();
		Map<UUID, String> names = new HashMap<>();
		return requests.open().stream().map(r -> summary(r, today, names))
				.sorted(Comparator.comparing(RequestSummary::dueOn).thenComparing(RequestSummary::receivedOn)).toList();
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<RequestSummary> closedRequests(int limit) {
		LocalDate today = changes.today();
		Map<UUID, String> names = new HashMap<>();
		return requests.closed(Math.max(1, Math.min(limit, 500))).stream().map(r -> summary(r, today, names)).toList();
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public RequestDetails request(UUID id) {
		return details(changes.load(id));
	}

	/** Asks every module what it holds on the requester (art. 15(1) information and counts). */
	@PreAuthorize(READ)
	public List<DataFound> dataHeld(UUID id) {
		DataSubjectRequest r = tx.execute(s -> changes.load(id));
		if (r.email == null) {
			throw new StepNotAllowed("The request was anonymised after its retention period.");
		}
		return fulfilment.find(subject(r)).stream().map(f -> new DataFound(f.holder(), f.holding(), f.error())).toList();
	}

	/** Active users with the PRIVACY or ADMIN role. */
	@PreAuthorize(READ)
	public List<Assignee> assignees() {
		Map<UUID, Assignee> all = new LinkedHashMap<>();
		for (Role role : List.of(Role.PRIVACY, Role.ADMIN)) {
			identity.usersWithRole(role).forEach(u -> all.putIfAbsent(u.id(), new Assignee(u.id(), u.displayName())));
		}
		return new ArrayList<>(all.values());
	}

	// ---- workflow ----

	@PreAuthorize(WRITE)
	@Transactional
	public void assign(UUID id, UUID assigneeId) {
		if (assigneeId != null && assignees().stream().noneMatch(a -> a.id().equals(assigneeId))) {
			throw new RequestChangeRefused("Requests can be assigned to active PRIVACY or ADMIN users only.");
		}
		DataSubjectRequest r = changes.load(id);
		r.assign(assigneeId);
		changes.save(r, Actors.current());
	}

	@PreAuthorize(WRITE)
	@Transactional
	public void note(UUID id, String text) {
		DataSubjectRequest r = changes.load(id);
		r.note(text);
		changes.save(r, Actors.current());
	}

	/** Sends (again) a single-use link that confirms the requester's address. */
	@PreAuthorize(WRITE)
	@Transactional
	public void sendVerificationLink(UUID id) {
		DataSubjectRequest r = changes.load(id);
		r.sendVerificationLink();
		changes.save(r, Actors.current());
		intake.sendVerificationLink(r);
	}

	/** Records how staff checked the requester's identity (no copy of any document is kept). */
	@PreAuthorize(WRITE)
	@Transactional
	public void recordIdentityCheck(UUID id, String means) {
		DataSubjectRequest r = changes.load(id);
		r.markVerified(means, changes.now());
		changes.save(r, Actors.current());
	}

	@PreAuthorize(WRITE)
	@Transactional
	public void start(UUID id) {
		DataSubjectRequest r = changes.load(id);
		r.start();
		changes.save(r, Actors.current());
	}

	/** Asks the requester for information or identification; the clock stops until {@link #resume}. */
	@PreAuthorize(WRITE)
	@Transactional
	public void askRequester(UUID id, String message) {
		DataSubjectRequest r = changes.load(id);
		r.askRequester(message, changes.today());
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-info-needed", Map.of("message", message.strip()));
	}

	@PreAuthorize(WRITE)
	@Transactional
	public void resume(UUID id) {
		DataSubjectRequest r = changes.load(id);
		r.resume(changes.today(), deadlines);
		changes.save(r, Actors.current());
	}

	/** Extends the period by two months and sends the requester the reasons and the new due date. */
	@PreAuthorize(WRITE)
	@Transactional
	public void extend(UUID id, String reason) {
		DataSubjectRequest r = changes.load(id);
		r.extend(reason, changes.today(), deadlines);
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-extended", Map.of("reason", r.extensionReason,
				"dueOn", Letters.date(r.dueOn, r.language)));
		changes.log(r.id, Actors.current(), "letter-sent", "extension letter sent (rights-extended, " + r.language
				+ "), due on " + r.dueOn, r.extensionReason);
	}

	/**
	 * Answers and closes the request. Refused while a system connected for its type has not reported
	 * done (staff may override a system with a reason).
	 */
	@PreAuthorize(WRITE)
	@Transactional
	public void complete(UUID id, String answer) {
		DataSubjectRequest r = changes.load(id);
		if (r.open()) {
			systemsReported(r);
		}
		r.complete(answer, changes.now(), changes.today());
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-completed", Map.of("answer", r.closingText));
		changes.log(r.id, Actors.current(), "letter-sent", "answer sent (rights-completed, " + r.language + ")", null);
	}

	/** Art. 12(5) refusal, with the reasons and the remedies of art. 12(4) sent to the requester. */
	@PreAuthorize(WRITE)
	@Transactional
	public void refuse(UUID id, String reasons) {
		DataSubjectRequest r = changes.load(id);
		r.refuse(reasons, changes.now(), changes.today(), deadlines);
		changes.save(r, Actors.current());
		letters.toRequester(r, "rights-refused", Map.of("reasons", r.closingText, "remedy", letters.remedy(r.language)));
		changes.log(r.id, Actors.current(), "letter-sent", "refusal sent (rights-refused, " + r.language + ")", null);
	}

	/** The requester withdrew the request (or never confirmed it): closed without a letter. */
	@PreAuthorize(WRITE)
	@Transactional
	public void withdraw(UUID id, String reason) {
		DataSubjectRequest r = changes.load(id);
		r.withdraw(reason, changes.now(), changes.today());
		changes.save(r, Actors.current());
		packages.expireAll(r.id, changes.now());
	}

	// ---- other systems ----

	/** Sends a signed webhook to every system connected for the request's type (delivered by the job, with retries). */
	@PreAuthorize(WRITE)
	@Transactional
	public List<String> notifySystems(UUID id) {
		DataSubjectRequest r = ready(changes.load(id), "go to other systems", RequestType.values());
		if (systems.systemsFor(r.type).isEmpty()) {
			throw new StepNotAllowed("No system is connected for " + r.type + " requests.");
		}
		List<String> queued = systems.notifyAll(r, Actors.current());
		if (queued.isEmpty()) {
			throw new StepNotAllowed("Every connected system was already notified.");
		}
		return queued;
	}

	/** Delivers again to a system that failed or reported it could not act. */
	@PreAuthorize(WRITE)
	@Transactional
	public void retrySystem(UUID id, String system) {
		DataSubjectRequest r = changes.load(id);
		if (!r.open()) {
			throw new RequestAlreadyClosed(r.status);
		}
		systems.retry(r, system, Actors.current());
	}

	/** Closes a system's task without its report, e.g. it holds nothing on the person or cannot be reached. */
	@PreAuthorize(WRITE)
	@Transactional
	public void overrideSystem(UUID id, String system, String reason) {
		DataSubjectRequest r = changes.load(id);
		if (!r.open()) {
			throw new RequestAlreadyClosed(r.status);
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
			throw new RequestChangeRefused("An override needs its reason (at most 2000 characters).");
		}
		systems.override(r, system, reason.strip(), Actors.current());
	}

	// ---- fulfilment through the modules ----

	/**
	 * Access and portability: collects everything every module holds on the requester into a
	 * package, stores it until its link expires and e-mails the link. Refused when a module fails,
	 * so a package is always complete.
	 */
	@PreAuthorize(WRITE)
	public void deliverPackage(UUID id) {
		DataSubjectRequest loaded = tx.execute(s -> systemsReported(ready(changes.load(id), "deliver a package",
				RequestType.ACCESS, RequestType.PORTABILITY)));
		List<Fulfilment.Exported> exports = fulfilment.export(subject(loaded));
		String actor = Actors.current();
		List<Fulfilment.Exported> failed = exports.stream().filter(e -> e.error() != null).toList();
		tx.executeWithoutResult(s -> {
			DataSubjectRequest r = systemsReported(ready(changes.load(id), "deliver a package", RequestType.ACCESS,
					RequestType.PORTABILITY));
			for (Fulfilment.Exported e : exports) {
				fulfilmentRecords.insert(r.id, e.holder(), "EXPORT", e.error() == null ? (e.records() == 0 ? "NOTHING_HELD" : "DONE") : "FAILED",
						e.records(), e.error(), changes.now(), actor);
			}
			if (!failed.isEmpty()) {
				changes.log(r.id, actor, "export-failed", "export failed in " + failed.stream().map(Fulfilment.Exported::holder).toList(), null);
				return;
			}
			PackageWriter.Written written = packageWriter.write(r, exports, systems.contributions(r), changes.today());
			String secret = LinkSecrets.generate();
			java.time.Instant expires = changes.now().plus(settings.downloadValidity());
			packages.insert(UUID.randomUUID(), r.id, LinkSecrets.hash(secret), changes.now(), expires, written.zip(),
					written.sha256(), written.inventory());
			if (r.status == RequestStatus.VERIFIED) {
				r.start();
			}
			r.recordFulfilment("package-sent", "response package sent: " + written.inventory() + "; sha256 "
					+ written.sha256(), null);
			changes.save(r, actor);
			letters.toRequester(r, "rights-package", Map.of("expiresOn", Letters.date(LocalDate.ofInstant(expires,
					settings.zone()), r.language)), Map.of("link", letters.oneTimeLink("/privacy/requests/download/", secret)));
		});
		if (!failed.isEmpty()) {
			throw new ExportFailed("No package was sent: " + failed.stream().map(Fulfilment.Exported::holder).toList()
					+ " could not export. Try again later.");
		}
	}

	/** Erasure: every module erases or anonymises; what each did is recorded. */
	@PreAuthorize(WRITE)
	public List<FulfilmentRecord> erase(UUID id) {
		return apply(id, Fulfilment.Action.ERASE, "ERASE", "erase", RequestType.ERASURE);
	}

	/** Restriction or objection: every module flags the data and stops processing them. */
	@PreAuthorize(WRITE)
	public List<FulfilmentRecord> restrict(UUID id) {
		return apply(id, Fulfilment.Action.RESTRICT, "RESTRICT", "restrict", RequestType.RESTRICTION, RequestType.OBJECTION);
	}

	/** Withdrawal of consent: every module that relies on consent records it. */
	@PreAuthorize(WRITE)
	public List<FulfilmentRecord> withdrawConsent(UUID id) {
		return apply(id, Fulfilment.Action.WITHDRAW, "WITHDRAW", "record the withdrawal of consent", RequestType.WITHDRAWAL);
	}

	/**
	 * Records what was kept and why (art. 17(3)), or what was done by hand in a system Charter does
	 * not reach.
	 */
	@PreAuthorize(WRITE)
	@Transactional
	public void recordException(UUID id, String system, String detail) {
		DataSubjectRequest r = changes.load(id);
		if (!r.open()) {
			throw new RequestAlreadyClosed(r.status);
		}
		if (system == null || system.isBlank() || system.strip().length() > 100) {
			throw new RequestChangeRefused("Name the module or system (at most 100 characters).");
		}
		if (detail == null || detail.isBlank() || detail.strip().length() > 2000) {
			throw new RequestChangeRefused("Say what was kept or done, and why (at most 2000 characters).");
		}
		fulfilmentRecords.insert(r.id, system.strip(), "EXCEPTION", "RECORDED", 0, detail.strip(), changes.now(),
				Actors.current());
		changes.log(r.id, Actors.current(), "exception-recorded", "recorded for " + system.strip(), detail.strip());
	}

	private List<FulfilmentRecord> apply(UUID id, Fulfilment.Action action, String code, String what,
			RequestType... types) {
		DataSubjectRequest loaded = tx.execute(s -> ready(changes.load(id), what, types));
		List<Fulfilment.Applied> results = fulfilment.apply(action, subject(loaded));
		String actor = Actors.current();
		return tx.execute(s -> {
			DataSubjectRequest r = ready(changes.load(id), what, types);
			List<String> summary = new ArrayList<>();
			for (Fulfilment.Applied a : results) {
				Outcome o = a.outcome();
				String outcome = a.error() != null || o == null ? "FAILED" : o.result().name();
				int records = o == null ? 0 : o.records();
				String detail = a.error() != null ? a.error() : o == null ? "no outcome" : o.detail();
				fulfilmentRecords.insert(r.id, a.holder(), code, outcome, records, detail, changes.now(), actor);
				summary.add(a.holder() + " " + outcome + " " + records);
			}
			if (r.status == RequestStatus.VERIFIED) {
				r.start();
			}
			r.recordFulfilment(code.toLowerCase(java.util.Locale.ROOT), code.toLowerCase(java.util.Locale.ROOT) + ": "
					+ String.join(", ", summary), null);
			changes.save(r, actor);
			return fulfilmentRecords.of(r.id);
		});
	}

	/** Every system connected for the request's type reported, or staff closed its task with a reason. */
	private DataSubjectRequest systemsReported(DataSubjectRequest r) {
		List<String> waiting = systems.unsettled(r);
		if (!waiting.isEmpty()) {
			throw new StepNotAllowed("Waiting for connected systems to report: " + String.join(", ", waiting)
					+ ". Notify them, or override a system with a reason if it cannot report.");
		}
		return r;
	}

	private static DataSubjectRequest ready(DataSubjectRequest r, String what, RequestType... types) {
		if (!r.open()) {
			throw new RequestAlreadyClosed(r.status);
		}
		if (!java.util.Arrays.asList(types).contains(r.type)) {
			throw new StepNotAllowed("A " + r.type + " request does not " + what + ".");
		}
		if (!r.verified()) {
			throw new StepNotAllowed("Verify the requester's identity first.");
		}
		if (r.status == RequestStatus.WAITING_FOR_REQUESTER) {
			throw new StepNotAllowed("Resume the request first.");
		}
		return r;
	}

	private static DataSubject subject(DataSubjectRequest r) {
		return new DataSubject(r.id, r.email, r.visitorId, r.language);
	}

	// ---- views ----

	private RequestSummary summary(DataSubjectRequest r, LocalDate today, Map<UUID, String> names) {
		LocalDate due = r.dueAsOf(today, deadlines);
		return new RequestSummary(r.id, r.reference, r.type, r.status, r.channel, r.name, r.receivedOn, due,
				ChronoUnit.DAYS.between(today, due), r.extended, assigneeName(r.assigneeId, names));
	}

	private RequestDetails details(DataSubjectRequest r) {
		LocalDate today = changes.today();
		LocalDate due = r.dueAsOf(today, deadlines);
		LocalDate firstDue = r.firstDueAsOf(today, deadlines);
		boolean open = r.open();
		boolean waiting = r.status == RequestStatus.WAITING_FOR_REQUESTER;
		boolean handling = open && !waiting && r.verified();
		RequestDetails.Actions actions = new RequestDetails.Actions(
				open && !r.verified() && (r.status == RequestStatus.RECEIVED || r.status == RequestStatus.AWAITING_VERIFICATION),
				open && !r.verified(),
				r.status == RequestStatus.VERIFIED,
				open && !waiting,
				waiting,
				open && !r.extended && !waiting && r.status != RequestStatus.EXTENDED && !today.isAfter(firstDue),
				handling && r.status != RequestStatus.RECEIVED && r.status != RequestStatus.AWAITING_VERIFICATION,
				open, open,
				handling && r.type.deliversData(),
				handling && r.type == RequestType.ERASURE,
				handling && (r.type == RequestType.RESTRICTION || r.type == RequestType.OBJECTION),
				handling && r.type == RequestType.WITHDRAWAL,
				open, open,
				handling && systems.systemsFor(r.type).stream().anyMatch(name -> systems.tasksOf(r.id).stream()
						.noneMatch(t -> t.system().equals(name))));
		return new RequestDetails(r.id, r.reference, r.type, r.status, r.channel, r.name, r.email, r.language,
				r.visitorId, r.details, r.receivedOn, r.receivedAt, firstDue, due, ChronoUnit.DAYS.between(today, due),
				r.suspendedDays, r.suspendedSince, r.extended, r.extensionReason, r.extendedOn, r.verifiedAt,
				r.verificationMeans, r.assigneeId, assigneeName(r.assigneeId, new HashMap<>()), r.closedAt, r.closingText,
				r.answeredLate, history.of(r.id), fulfilmentRecords.of(r.id), packages.of(r.id),
				systems.systemsFor(r.type), systems.tasksOf(r.id), actions);
	}

	private String assigneeName(UUID id, Map<UUID, String> cache) {
		if (id == null) {
			return null;
		}
		return cache.computeIfAbsent(id, k -> identity.user(k).map(UserSummary::displayName).orElse("?"));
	}
}
