package io.charter.scanner;

import static io.charter.scanner.ScanFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.charter.consent.Declaration;
import io.charter.scanner.Finding.Kind;
import io.charter.scanner.Observations.SeenCookie;
import io.charter.scanner.Observations.SeenHost;
import io.charter.scanner.Observations.Visit;

class FindingsUnitTests {

	final Declaration declaration = ScanFixtures.declaration(List.of("https://www.example.be"),
			ScanFixtures.cookie("_ga", 730), ScanFixtures.cookie("_gid", 1));
	final Classification.Classifier classifier = new Classification.Classifier(declaration, OpenCookieDatabase.shipped());
	final Observations seen = new Observations();

	void saw(Visit visit, String name, Duration lifetime) {
		seen.cookie(new SeenCookie(visit, name, "www.example.be", "/", lifetime == null ? null : NOW.plus(lifetime), NOW,
				false, true, "https://www.example.be/"));
	}

	List<String> found() {
		return Findings.of(seen, declaration, classifier).stream().map(Finding::key).toList();
	}

	@Test
	void aNecessaryCookieBeforeAChoiceIsNoBreach() {
		saw(Visit.NO_CHOICE, "session_id", null);
		saw(Visit.ACCEPTED, "_ga", Duration.ofDays(730));
		saw(Visit.ACCEPTED, "_gid", Duration.ofDays(1));
		saw(Visit.ACCEPTED, "charter_consent", Duration.ofDays(182));
		assertThat(found()).isEmpty();
	}

	@Test
	void aNonNecessaryCookieBeforeAChoiceOrAfterRefusalIsABreach() {
		saw(Visit.NO_CHOICE, "_ga", Duration.ofDays(730));
		saw(Visit.REFUSED, "_gid", Duration.ofDays(1));
		assertThat(found()).contains("COOKIE_BEFORE_CONSENT _ga", "COOKIE_AFTER_REFUSAL _gid");
		assertThat(Findings.of(seen, declaration, classifier)).filteredOn(f -> f.kind().breach()).hasSize(2)
				.allSatisfy(f -> assertThat(f.page()).isEqualTo("https://www.example.be/"));
	}

	@Test
	void thirdPartyRequestsCountOnlyBeforeAChoiceAndAfterRefusal() {
		seen.host(new SeenHost(Visit.ACCEPTED, "cdn.tracker.example", "https://www.example.be/", "https://cdn.tracker.example/t.js"));
		seen.host(new SeenHost(Visit.REFUSED, "pixel.example", "https://www.example.be/a", "https://pixel.example/p.gif"));
		assertThat(found()).contains("REQUEST_AFTER_REFUSAL pixel.example").doesNotContain("REQUEST_BEFORE_CONSENT cdn.tracker.example",
				"REQUEST_AFTER_REFUSAL cdn.tracker.example");
	}

	@Test
	void undeclaredNeverSeenAndLongerThanDeclared() {
		saw(Visit.ACCEPTED, "_ga", Duration.ofDays(800));
		saw(Visit.ACCEPTED, "_fbp", Duration.ofDays(90));
		assertThat(found()).containsExactlyInAnyOrder("LONGER_THAN_DECLARED _ga", "UNDECLARED_COOKIE _fbp",
				"DECLARED_NEVER_SEEN _gid", "DECLARED_NEVER_SEEN session_id", "DECLARED_NEVER_SEEN charter_consent");
	}

	@Test
	void aDayOfSlackOnRetention() {
		saw(Visit.ACCEPTED, "_ga", Duration.ofDays(730).plusHours(20));
		assertThat(found()).doesNotContain("LONGER_THAN_DECLARED _ga");
	}

	@Test
	void aPersistentCookieDeclaredAsSessionIsKeptLonger() {
		saw(Visit.NO_CHOICE, "session_id", Duration.ofDays(30));
		assertThat(found()).contains("LONGER_THAN_DECLARED session_id");
	}
}
