package io.charter.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * Loading the organisation's own policy: adding, rewording (words and controls) and retiring a
 * clause. Every change writes a new version and publishes its event, so the trail says who changed
 * which words when.
 */
@Service
class ClauseSteps {

	// The same shapes the kernel's Control accepts, so a mapping can always meet a reported control.
	static final Pattern CLAUSE_ID = Pattern.compile("[A-Z][0-9]{1,2}");
	static final Pattern CONTROL_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	static final Pattern DOCUMENT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Clauses clauses;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ClauseSteps(Clauses clauses, ApplicationEventPublisher events, Clock clock) {
		this.clauses = clauses;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public void add(String id, String document, String title, String wording, Collection<String> controls) {
		if (id == null || !CLAUSE_ID.matcher(id).matches()) {
			throw new RuleViolation("id", "compliance.error.id", new Object[0]);
		}
		if (document == null || !DOCUMENT.matcher(document).matches()) {
			throw new RuleViolation("document", "compliance.error.document", new Object[0]);
		}
		if (clauses.exists(id)) {
			throw new RuleViolation("id", "compliance.error.taken", new Object[0]);
		}
		Set<String> mapped = checked(title, wording, controls);
		Instant now = clock.instant();
		clauses.insert(id, document, new ClauseVersion(id, 1, title.strip(), wording.strip(), mapped,
				ClauseVersion.Change.ADDED, now, Actors.current()));
		events.publishEvent(new ComplianceEvent.ClauseAdded(id, 1, mapped, Actors.current(), now));
	}

	/** Writes the clause's next version with these words and controls; the version read must be current. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public int reword(String id, int readVersion, String title, String wording, Collection<String> controls) {
		Clause clause = live(id);
		Set<String> mapped = checked(title, wording, controls);
		if (clause.title().equals(title.strip()) && clause.wording().equals(wording.strip())
				&& clause.controls().equals(mapped)) {
			return clause.version();
		}
		Instant now = clock.instant();
		int next = write(clause, readVersion, new ClauseVersion(id, clause.version() + 1, title.strip(),
				wording.strip(), mapped, ClauseVersion.Change.REWORDED, now, Actors.current()));
		events.publishEvent(new ComplianceEvent.ClauseReworded(id, next, mapped, Actors.current(), now));
		return next;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public void retire(String id, int readVersion) {
		Clause clause = live(id);
		Instant now = clock.instant();
		int next = write(clause, readVersion, new ClauseVersion(id, clause.version() + 1, clause.title(),
				clause.wording(), clause.controls(), ClauseVersion.Change.RETIRED, now, Actors.current()));
		events.publishEvent(new ComplianceEvent.ClauseRetired(id, next, Actors.current(), now));
	}

	private Clause live(String id) {
		Clause clause = clauses.find(id).orElseThrow(() -> new NotFound("Unknown clause"));
		if (clause.retired()) {
			throw new RuleViolation(null, "compliance.error.retired", new Object[0]);
		}
		return clause;
	}

	private int write(Clause clause, int readVersion, ClauseVersion next) {
		if (readVersion != clause.version() || !clauses.addVersion(next)) {
			throw new RuleViolation(null, "compliance.error.changed", new Object[0]);
		}
		return next.version();
	}

	private static Set<String> checked(String title, String wording, Collection<String> controls) {
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			throw new RuleViolation("title", "compliance.error.title", new Object[0]);
		}
		if (wording == null || wording.isBlank() || wording.strip().length() > 20000) {
			throw new RuleViolation("wording", "compliance.error.wording", new Object[0]);
		}
		Set<String> mapped = new TreeSet<>();
		for (String control : controls) {
			String id = control.strip();
			if (id.isEmpty()) {
				continue;
			}
			if (!CONTROL_ID.matcher(id).matches() || id.length() > 100) {
				throw new RuleViolation("controls", "compliance.error.control", new Object[] { id });
			}
			mapped.add(id);
		}
		return mapped;
	}
}
