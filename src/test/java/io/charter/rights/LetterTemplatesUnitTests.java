package io.charter.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every letter a requester receives is the organisation's letter: signed with its name (filled in
 * from the organisation profile) and never naming the software that sends it.
 */
class LetterTemplatesUnitTests {

	/** The letters to requesters; reminders, overdue notices and withdrawals to staff are not. */
	static List<String> requesterLetters() {
		List<String> letters = List.of("rights-received", "rights-received-late", "rights-verify", "rights-completed",
				"rights-extended", "rights-info-needed", "rights-package", "rights-refused", "rights-withdrawn");
		return letters.stream().flatMap(l -> List.of("en", "fr", "nl").stream().map(lang -> l + "_" + lang)).toList();
	}

	@ParameterizedTest
	@MethodSource("requesterLetters")
	void aRequesterLetterIsSignedByTheOrganisationAndNeverNamesTheSoftware(String letter) throws IOException {
		String text = read("/mail/" + letter + ".txt");
		assertThat(text).contains("{{signature}}").doesNotContainPattern("\\bCharter\\b");
	}

	private static String read(String path) throws IOException {
		try (InputStream in = LetterTemplatesUnitTests.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
