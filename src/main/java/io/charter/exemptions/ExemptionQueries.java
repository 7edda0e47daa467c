package io.charter.exemptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.exemptions.web.ExemptionView;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.platform.SpreadsheetCsv;
import io.charter.shared.NotFound;

/** What the pages and the API read: the security team's queue, one exemption, a person's own. */
@Service
class ExemptionQueries {

	/** The queue's views. */
	enum View {
		PENDING, EXPIRING, ACTIVE, EXPIRED, REVOKED, ALL;

		static View of(String value) {
			try {
				return value == null || value.isBlank() ? PENDING : valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				return PENDING;
			}
		}
	}

	static final int LIMIT = 1000;

	/** What "ending soon" means in the queue and the control report. */
	static final int SOON_DAYS = 30;

	private final Exemptions exemptions;
	private final Decisions decisions;
	private final Directory directory;
	private final IdentityManagement identity;
	private final Clock clock;
	private final ZoneId zone;

	ExemptionQueries(Exemptions exemptions, Decisions decisions, Directory directory, IdentityManagement identity,
			Clock clock, @Value(ExemptionSettings.ZONE) ZoneId zone) {
		this.exemptions = exemptions;
		this.decisions = decisions;
		this.directory = directory;
		this.identity = identity;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize(ExemptionSteps.READ)
	@Transactional(readOnly = true)
	public List<ExemptionView> queue(View view, String clause) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		String onlyClause = clause == null || clause.isBlank() ? null : clause.strip();
		List<Exemption> found = switch (view) {
			case PENDING -> exemptions.all(Exemption.Status.PENDING, onlyClause, LIMIT);
			case EXPIRING -> exemptions.approvedEnding(today, today.plusDays(SOON_DAYS)).stream()
					.filter(e -> onlyClause == null || e.clause().equals(onlyClause)).toList();
			case ACTIVE -> exemptions.all(Exemption.Status.APPROVED, onlyClause, LIMIT);
			case EXPIRED -> exemptions.all(Exemption.Status.EXPIRED, onlyClause, LIMIT);
			case REVOKED -> exemptions.all(Exemption.Status.REVOKED, onlyClause, LIMIT);
			case ALL -> exemptions.all(null, onlyClause, LIMIT);
		};
		return views(found, false);
	}

	@PreAuthorize(ExemptionSteps.READ)
	@Transactional(readOnly = true)
	public ExemptionView one(UUID id) {
		return views(List.of(exemptions.find(id).orElseThrow(() -> new NotFound("No such exemption"))), true).get(0);
	}

	/** The signed-in person's exemptions with their decisions; empty when they are not in the directory. */
	@PreAuthorize(ExemptionSteps.EMPLOYEE)
	@Transactional(readOnly = true)
	public Optional<List<ExemptionView>> mine() {
		return directory.signedIn(SecurityContextHolder.getContext().getAuthentication())
				.map(p -> views(exemptions.ofPerson(p.id()), true));
	}

	/** The queue as CSV, for a spreadsheet (platform's cells, so no formula runs). */
	@PreAuthorize(ExemptionSteps.READ)
	@Transactional(readOnly = true)
	public String csv(View view, String clause) {
		StringBuilder out = new StringBuilder();
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		try {
			csv.row("id", "clause", "check", "subject", "subject_id", "person", "from", "until", "status",
					"requested_at", "reason", "compensating_measures", "ended_reason");
			for (ExemptionView e : queue(view, clause)) {
				csv.row(e.id().toString(), e.clause(), text(e.check()), e.subject(), text(e.subjectId()),
						text(e.person()), e.from().toString(), e.until().toString(), e.status(),
						e.requestedAt().toString(), e.reason(), text(e.compensating()), text(e.endedReason()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private List<ExemptionView> views(List<Exemption> found, boolean withDecisions) {
		Map<UUID, PersonSummary> people = directory.people(
				found.stream().map(Exemption::personId).filter(id -> id != null).collect(Collectors.toSet()));
		return found.stream().map(e -> new ExemptionView(e.id(), e.clause(), e.check(), e.subject().kind().name(),
				e.subject().id(), e.personId(),
				Optional.ofNullable(e.personId()).map(people::get).map(PersonSummary::name).orElse(null), e.reason(),
				e.compensating(), e.startsOn(), e.endsOn(), e.status().name(), e.approvalsNeeded(), e.renews(),
				e.requestedAt(), e.endedReason(), e.endedAt(),
				withDecisions ? decisions.of(e.id()).stream().map(d -> new ExemptionView.DecisionView(
						d.outcome().name(), d.text(), actorName(d.decidedBy()), d.decidedAt())).toList() : List.of(),
				e.allowedActions().stream().map(Enum::name).collect(Collectors.toSet()))).toList();
	}

	/** A decision's author by name; the pseudonymous id when the account is gone. */
	private String actorName(String actor) {
		if (actor.startsWith("user:")) {
			try {
				return identity.user(UUID.fromString(actor.substring(5))).filter(u -> !u.erased())
						.map(UserSummary::displayName).orElse(actor);
			}
			catch (IllegalArgumentException e) {
				return actor;
			}
		}
		return actor;
	}

	static Set<String> clauses() {
		return Set.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8");
	}
}
