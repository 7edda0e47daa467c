package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.charter.scanner.Finding.Kind;

class ScanDiffUnitTests {

	@Test
	void findingsAreTheSameByKindAndSubjectWhereverTheyShowed() {
		var before = List.of(new Finding(Kind.UNDECLARED_COOKIE, "_fbp", "https://a/1", "x", "marketing"),
				new Finding(Kind.COOKIE_BEFORE_CONSENT, "_ga", "https://a/", "x", "analytics"));
		var after = List.of(new Finding(Kind.UNDECLARED_COOKIE, "_fbp", "https://a/2", "y", "marketing"),
				new Finding(Kind.REQUEST_AFTER_REFUSAL, "pixel.example", "https://a/", "z", null));
		ScanDiff diff = ScanDiff.between(before, after);
		assertThat(diff.appeared()).extracting(Finding::key).containsExactly("REQUEST_AFTER_REFUSAL pixel.example");
		assertThat(diff.resolved()).extracting(Finding::key).containsExactly("COOKIE_BEFORE_CONSENT _ga");
	}

	@Test
	void twoScansAlikeDifferInNothing() {
		var same = List.of(new Finding(Kind.UNDECLARED_COOKIE, "_fbp", "https://a/1", "x", "marketing"));
		ScanDiff diff = ScanDiff.between(same, same);
		assertThat(diff.appeared()).isEmpty();
		assertThat(diff.resolved()).isEmpty();
	}
}
