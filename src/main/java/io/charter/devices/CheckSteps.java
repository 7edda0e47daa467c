package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceEvent.CheckChanged;
import io.charter.devices.web.CheckHistory;
import io.charter.devices.web.CheckVersionView;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;

/**
 * The checks as SECURITY edits them: each change is a new version, the previous ones kept, so that
 * an answer can be read against the query it answered.
 */
@Service
class CheckSteps {

	static final int MAX_QUERY = 4000;
	static final int MAX_FIX = 2000;
	static final int MAX_TITLE = 200;
	private static final Pattern CLAUSE = Pattern.compile("S[1-8]");

	private final Checks checks;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	private final ZoneId zone;

	CheckSteps(Checks checks, ApplicationEventPublisher events, Clock clock,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.checks = checks;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** How many days a check's history chart shows, today included. */
	static final int HISTORY_DAYS = 90;

	/** The device's history of each enabled check over the last {@link #HISTORY_DAYS} days, in the organisation's days. */
	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<CheckHistory> history(UUID deviceId) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate first = today.minusDays(HISTORY_DAYS - 1);
		return history(checks.clauses().keySet(), checks.answers(deviceId, first.atStartOfDay(zone).toInstant()), first,
				zone);
	}

	/** Each check's last answer of each day from the first day, for {@link #HISTORY_DAYS} days. */
	static List<CheckHistory> history(Collection<String> checkIds, List<Checks.Answer> answers, LocalDate first,
			ZoneId zone) {
		Map<String, Map<LocalDate, String>> byCheck = new HashMap<>();
		for (Checks.Answer a : answers) {
			String outcome = a.passed() == null ? "unknown" : a.passed() ? "pass" : "fail";
			// Oldest first: a later answer of the same day replaces an earlier one.
			byCheck.computeIfAbsent(a.check(), c -> new HashMap<>()).put(a.at().atZone(zone).toLocalDate(), outcome);
		}
		List<CheckHistory> histories = new ArrayList<>();
		for (String check : checkIds) {
			Map<LocalDate, String> days = byCheck.getOrDefault(check, Map.of());
			List<CheckHistory.Day> line = new ArrayList<>();
			for (int i = 0; i < HISTORY_DAYS; i++) {
				LocalDate day = first.plusDays(i);
				line.add(new CheckHistory.Day(i, day, days.get(day)));
			}
			histories.add(new CheckHistory(check, line));
		}
		return histories;
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<CheckVersionView> checks() {
		return checks.current();
	}

	/** The titles SECURITY gave the checks, in the reader's language, by check (the shipped titles stand for the rest). */
	@Transactional(readOnly = true)
	public Map<String, String> titles(java.util.Locale locale) {
		return checks.titles(locale.getLanguage());
	}

	/** Every version of the check, the one in force first. */
	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<CheckVersionView> versions(String checkId) {
		List<CheckVersionView> versions = checks.versions(checkId);
		if (versions.isEmpty()) {
			throw new NotFound("No such check.");
		}
		return versions;
	}

	/** A change as typed in the form: one platform's query, and the rest of the check. */
	record Change(String platform, String query, String clause, boolean enabled, String fixEn, String fixFr,
			String fixNl, String titleEn, String titleFr, String titleNl) {
	}

	/**
	 * A whole new version as the API sends it: the query of each platform that has one (a platform
	 * left out has none, so the check is unknown there), titles and fix texts per language (one left
	 * out keeps the shipped text).
	 */
	record Replacement(Map<String, String> queries, String clause, Boolean enabled, Map<String, String> title,
			Map<String, String> fix) {
	}

	/**
	 * Puts the API's new version of the check in force; nothing is written when a field is wrong.
	 *
	 * @return the field errors (field name to message key), empty when the version was written
	 */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public Map<String, String> replace(String checkId, Replacement r) {
		versions(checkId);
		Map<String, String> queries = r.queries() == null ? Map.of() : r.queries();
		Map<String, String> title = r.title() == null ? Map.of() : r.title();
		Map<String, String> fix = r.fix() == null ? Map.of() : r.fix();
		Map<String, String> errors = new LinkedHashMap<>();
		queries.forEach((platform, query) -> {
			if (!SoftwareSteps.PLATFORMS.contains(platform)) {
				errors.put("queries." + platform, "devices.checks.platform-invalid");
			}
			else if (query != null && query.strip().length() > MAX_QUERY) {
				errors.put("queries." + platform, "devices.checks.query-long");
			}
		});
		if (SoftwareSteps.PLATFORMS.stream().map(queries::get).allMatch(q -> q == null || q.isBlank())) {
			errors.put("queries", "devices.checks.query-empty");
		}
		errors.putAll(errors(r.clause(), fix.get("en"), fix.get("fr"), fix.get("nl"), title.get("en"),
				title.get("fr"), title.get("nl")));
		Set<String> languages = new java.util.HashSet<>(title.keySet());
		languages.addAll(fix.keySet());
		languages.removeAll(Set.of("en", "fr", "nl"));
		languages.forEach(l -> errors.put("language." + l, "devices.checks.language-invalid"));
		if (!errors.isEmpty()) {
			return errors;
		}
		boolean enabled = r.enabled() == null || r.enabled();
		write(new CheckVersionView(checkId, 0, r.clause(), given(queries.get("darwin")), given(queries.get("windows")),
				given(queries.get("linux")), enabled, given(fix.get("en")), given(fix.get("fr")), given(fix.get("nl")),
				given(title.get("en")), given(title.get("fr")), given(title.get("nl")), null, null),
				"all platforms, " + r.clause() + (enabled ? "" : ", disabled"));
		return Map.of();
	}

	/**
	 * Puts a new version of the check in force; nothing is written when a field is wrong.
	 *
	 * @return the field errors (field name to message key), empty when the version was written
	 */
	@PreAuthorize("hasRole('SECURITY')")
	@Transactional
	public Map<String, String> change(String checkId, Change change) {
		CheckVersionView now = versions(checkId).get(0);
		Map<String, String> errors = errors(change);
		if (!errors.isEmpty()) {
			return errors;
		}
		String query = change.query().strip();
		CheckVersionView next = new CheckVersionView(checkId, 0, change.clause(),
				change.platform().equals("darwin") ? query : now.queryDarwin(),
				change.platform().equals("windows") ? query : now.queryWindows(),
				change.platform().equals("linux") ? query : now.queryLinux(), change.enabled(), given(change.fixEn()),
				given(change.fixFr()), given(change.fixNl()), given(change.titleEn()), given(change.titleFr()),
				given(change.titleNl()), null, null);
		write(next, change.platform() + ", " + change.clause() + (change.enabled() ? "" : ", disabled"));
		return Map.of();
	}

	/** A new version in force, the previous ones kept, and in the audit trail. */
	private void write(CheckVersionView next, String what) {
		Instant at = clock.instant();
		int version = checks.change(next, at, Actors.current());
		events.publishEvent(new CheckChanged(next.checkId(), version, "check " + next.checkId() + " version " + version
				+ " (" + what + ")", Actors.current(), at));
	}

	static Map<String, String> errors(Change change) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (change.platform() == null || !SoftwareSteps.PLATFORMS.contains(change.platform())) {
			errors.put("platform", "devices.checks.platform-invalid");
		}
		if (change.query() == null || change.query().isBlank()) {
			errors.put("query", "devices.checks.query-empty");
		}
		else if (change.query().strip().length() > MAX_QUERY) {
			errors.put("query", "devices.checks.query-long");
		}
		errors.putAll(errors(change.clause(), change.fixEn(), change.fixFr(), change.fixNl(), change.titleEn(),
				change.titleFr(), change.titleNl()));
		return errors;
	}

	/** The clause's, fix texts' and titles' errors, by form field name. */
	private static Map<String, String> errors(String clause, String fixEn, String fixFr, String fixNl,
			String titleEn, String titleFr, String titleNl) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (clause == null || !CLAUSE.matcher(clause).matches()) {
			errors.put("clause", "devices.checks.clause-invalid");
		}
		Map<String, String> fixes = new LinkedHashMap<>();
		fixes.put("fixEn", fixEn);
		fixes.put("fixFr", fixFr);
		fixes.put("fixNl", fixNl);
		fixes.forEach((field, text) -> {
			if (text(text).strip().length() > MAX_FIX) {
				errors.put(field, "devices.checks.fix-long");
			}
		});
		Map<String, String> titles = new LinkedHashMap<>();
		titles.put("titleEn", titleEn);
		titles.put("titleFr", titleFr);
		titles.put("titleNl", titleNl);
		titles.forEach((field, text) -> {
			if (text(text).strip().length() > MAX_TITLE) {
				errors.put(field, "devices.checks.title-long");
			}
		});
		return errors;
	}

	/** A text as stored: stripped, and null when blank (for a title or fix text: the one shipped with Charter stands). */
	private static String given(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
