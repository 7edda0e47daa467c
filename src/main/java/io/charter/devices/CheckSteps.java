package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceEvent.CheckChanged;
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
	private static final Pattern CLAUSE = Pattern.compile("S[1-8]");

	private final Checks checks;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CheckSteps(Checks checks, ApplicationEventPublisher events, Clock clock) {
		this.checks = checks;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('SECURITY', 'ADMIN', 'AUDITOR')")
	@Transactional(readOnly = true)
	public List<CheckVersionView> checks() {
		return checks.current();
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
			String fixNl) {
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
				change.platform().equals("linux") ? query : now.queryLinux(), change.enabled(), fix(change.fixEn()),
				fix(change.fixFr()), fix(change.fixNl()), null, null);
		Instant at = clock.instant();
		int version = checks.change(next, at, Actors.current());
		events.publishEvent(new CheckChanged(checkId, version, "check " + checkId + " version " + version + " ("
				+ change.platform() + ", " + change.clause() + (change.enabled() ? "" : ", disabled") + ")",
				Actors.current(), at));
		return Map.of();
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
		if (change.clause() == null || !CLAUSE.matcher(change.clause()).matches()) {
			errors.put("clause", "devices.checks.clause-invalid");
		}
		for (var fix : Map.of("fixEn", text(change.fixEn()), "fixFr", text(change.fixFr()), "fixNl", text(change.fixNl()))
				.entrySet()) {
			if (fix.getValue().strip().length() > MAX_FIX) {
				errors.put(fix.getKey(), "devices.checks.fix-long");
			}
		}
		return errors;
	}

	/** A blank text keeps the one shipped with Charter. */
	private static String fix(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
