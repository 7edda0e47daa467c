package io.charter.scanner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.charter.consent.Declaration;
import io.charter.scanner.Finding.Kind;
import io.charter.scanner.Observations.SeenCookie;
import io.charter.scanner.Observations.SeenHost;
import io.charter.scanner.Observations.Visit;

/** The policy's reading of what a scan saw: its findings, each once, in the order they showed. */
final class Findings {

	/** A day's slack: the browser rounds expiry, and a cookie set at 23:59 is still "1 day". */
	private static final Duration SLACK = Duration.ofDays(1);

	private Findings() {
	}

	static List<Finding> of(Observations seen, Declaration declaration, Classification.Classifier classifier) {
		Map<String, Finding> found = new LinkedHashMap<>();
		for (SeenCookie c : seen.cookies()) {
			Classification what = classifier.of(c.name());
			if (!what.necessary() && c.visit() != Visit.ACCEPTED) {
				Kind kind = c.visit() == Visit.NO_CHOICE ? Kind.COOKIE_BEFORE_CONSENT : Kind.COOKIE_AFTER_REFUSAL;
				add(found, new Finding(kind, c.name(), c.page(), evidence(c), what.category()));
			}
			if (what.declared() == null) {
				Integer days = c.expires() == null ? null
						: (int) Math.min(7300, (Duration.between(c.seenAt(), c.expires()).toHours() + 23) / 24);
				add(found, new Finding(Kind.UNDECLARED_COOKIE, c.name(), c.page(), evidence(c), what.category(),
						what.purpose(), days, c.thirdParty()));
			}
			else if (c.expires() != null && longer(what.declared(), Duration.between(c.seenAt(), c.expires()))) {
				add(found, new Finding(Kind.LONGER_THAN_DECLARED, c.name(), c.page(),
						evidence(c) + "; declared " + declared(what.declared()), what.category()));
			}
		}
		for (SeenHost h : seen.hosts()) {
			if (h.visit() != Visit.ACCEPTED) {
				Kind kind = h.visit() == Visit.NO_CHOICE ? Kind.REQUEST_BEFORE_CONSENT : Kind.REQUEST_AFTER_REFUSAL;
				add(found, new Finding(kind, h.host(), h.page(), h.url(), null));
			}
		}
		if (declaration != null) {
			Set<String> names = seen.cookies().stream().map(SeenCookie::name).collect(Collectors.toSet());
			for (Declaration.Service service : declaration.services()) {
				for (Declaration.Cookie cookie : service.cookies()) {
					if (names.stream().noneMatch(n -> cookie.pattern() ? Classification.Classifier.covers(cookie.name(), n)
							: cookie.name().equals(n))) {
						add(found, new Finding(Kind.DECLARED_NEVER_SEEN, cookie.name(), null, service.name(),
								service.category()));
					}
				}
			}
		}
		return new ArrayList<>(found.values());
	}

	private static void add(Map<String, Finding> found, Finding finding) {
		found.putIfAbsent(finding.key(), finding);
	}

	/** Kept longer than declared: a session cookie declared that persists, or past the days declared. */
	static boolean longer(Declaration.Cookie declared, Duration actual) {
		if (declared.retentionDays() == null) {
			return actual.compareTo(SLACK) > 0;
		}
		return actual.compareTo(Duration.ofDays(declared.retentionDays()).plus(SLACK)) > 0;
	}

	private static String declared(Declaration.Cookie c) {
		return c.retentionDays() == null ? "session" : c.retentionDays() + " days";
	}

	static String evidence(SeenCookie c) {
		return "domain " + c.domain() + ", path " + c.path() + ", "
				+ (c.expires() == null ? "session" : "expires " + c.expires()) + ", "
				+ (c.thirdParty() ? "third party" : "first party") + ", set by " + (c.byHeader() ? "header" : "script");
	}
}
