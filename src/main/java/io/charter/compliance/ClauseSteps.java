package io.charter.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

	// "GDPR Art. 32", "GDPR Art. 5(1)(f)", "ePrivacy Art. 5(3)": the regulation, then its article.
	static final Pattern ARTICLE = Pattern.compile("(GDPR|ePrivacy) Art\\. [1-9][0-9]?(\\([1-9][0-9]?\\))?(\\([a-z]\\))?");
	private static final Pattern ANNEX = Pattern.compile("(A\\.)?([5-8]\\.[1-9][0-9]?)");

	private final Clauses clauses;
	private final FrameworkMappings mappings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ClauseSteps(Clauses clauses, FrameworkMappings mappings, ApplicationEventPublisher events, Clock clock) {
		this.clauses = clauses;
		this.mappings = mappings;
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

	/**
	 * Maps a live clause to these Annex A controls ({@code A.7.7} or {@code 7.7}, each in the catalogue)
	 * and articles ({@link #ARTICLE}); nothing is written or published when the mapping is the same.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY')")
	@Transactional
	public void map(String id, Collection<String> annex, Collection<String> articles) {
		Clause clause = live(id);
		Set<String> catalogue = new java.util.HashSet<>();
		List<String> order = new ArrayList<>();
		mappings.annex().forEach(a -> {
			catalogue.add(a.id());
			order.add(a.id());
		});
		Set<String> controls = new java.util.HashSet<>();
		for (String typed : annex) {
			var m = ANNEX.matcher(typed.strip());
			String control = m.matches() ? "A." + m.group(2) : typed.strip();
			if (!catalogue.contains(control)) {
				throw new RuleViolation("annex", "compliance.error.annex", new Object[] { typed.strip() });
			}
			controls.add(control);
		}
		Set<String> laws = new TreeSet<>();
		for (String typed : articles) {
			String article = typed.strip().replaceAll("\\s+", " ");
			if (!ARTICLE.matcher(article).matches()) {
				throw new RuleViolation("articles", "compliance.error.article", new Object[] { article });
			}
			laws.add(article);
		}
		List<String> mapped = order.stream().filter(controls::contains).toList();
		FrameworkMappings.Mapping before = mappings.of(id);
		if (before.annex().equals(mapped) && new TreeSet<>(before.articles()).equals(laws)) {
			return;
		}
		mappings.replace(id, mapped, laws);
		events.publishEvent(new ComplianceEvent.ClauseMapped(id, clause.version(), mapped, List.copyOf(laws),
				before.annex(), before.articles(), Actors.current(), clock.instant()));
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
