package io.charter.rights.workflow;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.notify.OutboxMessage;
import io.charter.rights.DataSubjectRequest;
import io.charter.rights.DataSubjectRequests;
import io.charter.rights.Deadlines;
import io.charter.rights.Letters;
import io.charter.rights.RequestChanges;
import io.charter.rights.RequestHistory;
import io.charter.rights.ResponsePackages;
import io.charter.rights.StaffAccess;
import io.charter.rights.StepNotAllowed;
import io.charter.rights.fulfilment.ConnectedSystems;
import io.charter.rights.fulfilment.Fulfilment;
import io.charter.rights.fulfilment.FulfilmentRecords;
import io.charter.rights.web.Assignee;
import io.charter.rights.web.DataFound;
import io.charter.rights.web.HistoryEntry;
import io.charter.rights.web.RequestDetails;
import io.charter.rights.web.RequestSummary;
import io.charter.shared.ActorNames;
import io.charter.shared.Role;

/**
 * What the privacy team reads: requests by due date, a request with its history and the steps its
 * state allows, what each module holds on the requester, and who can be assigned. PRIVACY, ADMIN
 * or AUDITOR.
 */
@Service
class RequestQueries {

	private final RequestChanges changes;
	private final DataSubjectRequests requests;
	private final RequestHistory history;
	private final FulfilmentRecords fulfilmentRecords;
	private final ResponsePackages packages;
	private final Fulfilment fulfilment;
	private final Deadlines deadlines;
	private final IdentityManagement identity;
	private final ConnectedSystems systems;
	private final TransactionTemplate tx;
	private final Letters letters;
	private final ObjectProvider<ActorNames> actorNames;

	RequestQueries(RequestChanges changes, DataSubjectRequests requests, RequestHistory history,
			FulfilmentRecords fulfilmentRecords, ResponsePackages packages, Fulfilment fulfilment, Deadlines deadlines,
			IdentityManagement identity, ConnectedSystems systems, PlatformTransactionManager transactions, Letters letters,
			ObjectProvider<ActorNames> actorNames) {
		this.letters = letters;
		this.actorNames = actorNames;
		this.changes = changes;
		this.requests = requests;
		this.history = history;
		this.fulfilmentRecords = fulfilmentRecords;
		this.packages = packages;
		this.fulfilment = fulfilment;
		this.deadlines = deadlines;
		this.identity = identity;
		this.systems = systems;
		this.tx = new TransactionTemplate(transactions);
	}

	@PreAuthorize(StaffAccess.READ)
	@Transactional(readOnly = true)
	public List<RequestSummary> openRequests() {
		LocalDate today = changes.today();
		Map<UUID, String> names = new HashMap<>();
		return requests.open().stream().map(r -> summary(r, today, names))
				.sorted(Comparator.comparing(RequestSummary::dueOn).thenComparing(RequestSummary::receivedOn)).toList();
	}

	@PreAuthorize(StaffAccess.READ)
	@Transactional(readOnly = true)
	public List<RequestSummary> closedRequests(int limit) {
		LocalDate today = changes.today();
		Map<UUID, String> names = new HashMap<>();
		return requests.closed(Math.max(1, Math.min(limit, 500))).stream().map(r -> summary(r, today, names)).toList();
	}

	@PreAuthorize(StaffAccess.READ)
	@Transactional(readOnly = true)
	public RequestDetails request(UUID id) {
		return details(changes.load(id));
	}

	/**
	 * The letters sent to the requester, as they received them (one-time links masked) and what
	 * became of each: queued, sent, held (no mail server) or failed. Only a request's letters, not
	 * the rest of the outbox.
	 */
	@PreAuthorize(StaffAccess.READ)
	public List<OutboxMessage> letters(UUID id) {
		return letters.of(changes.load(id).id());
	}

	/** Asks every module what it holds on the requester (art. 15(1) information and counts). */
	@PreAuthorize(StaffAccess.READ)
	public List<DataFound> dataHeld(UUID id) {
		DataSubjectRequest r = tx.execute(s -> changes.load(id));
		if (r.email() == null) {
			throw new StepNotAllowed("rights.refused.request-was-anonymised-after");
		}
		return fulfilment.find(r.subject()).stream().map(f -> new DataFound(f.holder(), f.holding(), f.error()))
				.toList();
	}

	/** Active users with the PRIVACY or ADMIN role. */
	@PreAuthorize(StaffAccess.READ)
	public List<Assignee> assignees() {
		Map<UUID, Assignee> all = new LinkedHashMap<>();
		for (Role role : List.of(Role.PRIVACY, Role.ADMIN)) {
			identity.usersWithRole(role).forEach(u -> all.putIfAbsent(u.id(), new Assignee(u.id(), u.displayName())));
		}
		return new ArrayList<>(all.values());
	}

	/** The request as staff see it now, in the caller's transaction. */
	RequestDetails details(DataSubjectRequest r) {
		LocalDate today = changes.today();
		LocalDate due = r.dueAsOf(today, deadlines);
		return new RequestDetails(r.id(), r.reference(), r.type(), r.status(), r.channel(), r.name(), r.email(), r.language(),
				r.visitorId(), r.details(), r.receivedOn(), r.receivedAt(), r.firstDueAsOf(today, deadlines), due,
				ChronoUnit.DAYS.between(today, due), r.suspendedDays(), r.suspendedSince(), r.extended(), r.extensionReason(),
				r.extendedOn(), r.verifiedAt(), r.verificationMeans(), r.assigneeId(), assigneeName(r.assigneeId(), new HashMap<>()),
				r.closedAt(), r.closingText(), r.answeredLate(), namedHistory(r.id()), fulfilmentRecords.of(r.id()),
				packages.of(r.id()), systems.systemsFor(r.type()), systems.tasksOf(r.id()),
				r.allowedActions(today, deadlines, systems.anyToNotify(r)));
	}

	/** The history with its actors named for staff, as the audit page names them. */
	private List<HistoryEntry> namedHistory(UUID id) {
		List<HistoryEntry> lines = history.of(id);
		Set<String> actors = lines.stream().map(HistoryEntry::actor).collect(Collectors.toSet());
		Map<String, String> names = ActorNames.resolve(actorNames, actors);
		return lines.stream().map(line -> line.named(names)).toList();
	}

	private RequestSummary summary(DataSubjectRequest r, LocalDate today, Map<UUID, String> names) {
		LocalDate due = r.dueAsOf(today, deadlines);
		return new RequestSummary(r.id(), r.reference(), r.type(), r.status(), r.channel(), r.name(), r.receivedOn(), due,
				ChronoUnit.DAYS.between(today, due), r.extended(), assigneeName(r.assigneeId(), names));
	}

	private String assigneeName(UUID id, Map<UUID, String> cache) {
		if (id == null) {
			return null;
		}
		return cache.computeIfAbsent(id, k -> identity.user(k).map(UserSummary::displayName).orElse("?"));
	}
}
