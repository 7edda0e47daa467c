package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.Declaration;

/** A submission's services (one service's consent, from its placeholder) and its age, checked without a database. */
class ConsentSubmissionUnitTests {

	static final String ORIGIN = "https://www.site.test";
	static final Map<String, String> CHAT = Map.of("en", "Live chat");

	final JsonMapper json = JsonMapper.builder().build();
	final Declaration shown = new Declaration("site", 1, Instant.parse("2026-12-01T00:00:00Z"), true, 1,
			new Declaration.Site("Site", List.of(ORIGIN), List.of("en"), "en", 180, 90, 500, List.of()),
			ConsentLogSites.seedCategories(),
			List.of(new Declaration.Service("tawk", "Tawk.to", "tawk.to", "tracking", false, null, CHAT, List.of()),
					new Declaration.Service("ga", "Google Analytics", "Google", "analytics", false, null, CHAT, List.of())),
			Map.of(), Map.of("en", "v1"));

	ConsentSubmission read(String choices, String more) {
		return ConsentSubmission.read(json.readTree("""
				{"visitorId":"abcdefghijklmnop","version":1,"method":"%s","choices":%s,"language":"en"%s}"""
				.formatted(choices.contains("true") && !choices.contains("false") ? "ACCEPT_ALL" : "CUSTOM", choices, more)));
	}

	/** An unknown field is named only in a sanitised, bounded form: markup sent by a client never comes back. */
	@Test
	void anUnknownFieldIsNotEchoedAsSent() {
		String name = "<script>alert(1)</script>" + "x".repeat(100);
		assertThatExceptionOfType(ConsentRefused.class).isThrownBy(() -> ConsentSubmission.read(json.readTree(
				"{\"" + name + "\":1}"))).satisfies(e -> {
					assertThat(e.fieldName()).doesNotContain("<", ">", "(").hasSizeLessThanOrEqualTo(50).startsWith("?script?");
					assertThat(e.getMessage()).doesNotContain("<", ">");
				});
	}

	@Test
	void aServiceAllowedOnItsOwnIsStoredAfterTheCategoriesAsCategoryColonService() {
		ConsentSubmission.Checked checked = read("{\"analytics\":false,\"tracking\":false,\"tracking:tawk\":true}", "")
				.checkAgainst(shown, List.of(ORIGIN));
		assertThat(checked.choices()).containsExactly(Map.entry("analytics", false), Map.entry("tracking", false),
				Map.entry("tracking:tawk", true));
	}

	@Test
	void aServiceOfAnotherCategoryOrUnknownIsRefusedByItsField() {
		for (String service : List.of("tracking:ga", "tracking:nope", "necessary:tawk", "nope:tawk")) {
			ConsentSubmission submission = read("{\"analytics\":false,\"tracking\":false,\"" + service + "\":true}", "");
			assertThatExceptionOfType(ConsentRefused.class).isThrownBy(() -> submission.checkAgainst(shown, List.of(ORIGIN)))
					.satisfies(e -> assertThat(e.fieldName()).isEqualTo("choices." + service));
		}
	}

	@Test
	void methodRulesLookAtCategoriesOnly() {
		// Refuse all, yet one service allowed: the categories are all refused, which is what REFUSE_ALL says.
		ConsentSubmission submission = ConsentSubmission.read(json.readTree("""
				{"visitorId":"abcdefghijklmnop","version":1,"method":"REFUSE_ALL",\
				"choices":{"analytics":false,"tracking":false,"tracking:tawk":true},"language":"en"}"""));
		assertThat(submission.checkAgainst(shown, List.of(ORIGIN)).choices()).containsEntry("tracking:tawk", true);
	}

	@Test
	void theAgeOfTheChoiceIsSecondsBackBoundedToSevenDays() {
		String choices = "{\"analytics\":true,\"tracking\":true}";
		assertThat(read(choices, "").age()).isZero();
		assertThat(read(choices, ",\"age\":3600").age()).isEqualTo(3600);
		assertThat(read(choices, ",\"age\":604800").age()).isEqualTo(ConsentSubmission.MAX_AGE);
		for (String age : List.of("-1", "604801", "1.5", "\"10\"")) {
			assertThatExceptionOfType(ConsentRefused.class).as(age).isThrownBy(() -> read(choices, ",\"age\":" + age))
					.satisfies(e -> assertThat(e.fieldName()).isEqualTo("age"));
		}
	}
}
