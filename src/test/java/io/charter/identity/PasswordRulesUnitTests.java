package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.charter.identity.WeakPassword.Reason;

/**
 * The password rules (NIST SP 800-63B 5.1.1.2). Each row: a password, the address of its account,
 * the rule it breaks (OK when none), and why. Spaces at the ends of a cell are trimmed, so
 * passwords made of spaces are built in code below.
 */
class PasswordRulesUnitTests {

	@ParameterizedTest(name = "{0} for {1}: {2} ({3})")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			# length, counted in characters, not in UTF-16 units
			short-one              | ann@example.org        | LENGTH      | 9 characters
			eleven-char            | ann@example.org        | LENGTH      | one short
			twelve-chars           | ann@example.org        | OK          | just long enough
			𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔩𝔢𝔱𝔱𝔢𝔯𝔰        | ann@example.org        | OK          | 12 characters outside the BMP
			𝔘𝔫𝔦𝔠𝔬𝔡𝔢            | ann@example.org        | LENGTH      | 7 characters, 14 UTF-16 units
			NULL                   | ann@example.org        | BLANK       | no password at all
			# the most common passwords, whatever the case
			password1234           | ann@example.org        | COMMON      | on the list
			PassWord1234           | ann@example.org        | COMMON      | on the list, other case
			1qaz2wsx3edc           | ann@example.org        | COMMON      | a keyboard walk on the list
			Sunshine2024!!         | ann@example.org        | COMMON      | a common password with digits and signs after it
			!!iloveyou1990         | ann@example.org        | COMMON      | ... and before it
			Dragon 12345678        | ann@example.org        | COMMON      | ... and a space
			correct horse battery staple | ann@example.org  | COMMON      | famous enough to be on the list
			# not common: a common word inside a longer phrase
			sunshine-over-the-harbour | ann@example.org     | OK          | a phrase around a common word
			a-long-test-password   | ann@example.org        | OK          | the tests' own password
			# predictable
			aaaaaaaaaaaa           | ann@example.org        | PREDICTABLE | one character
			abababababab           | ann@example.org        | PREDICTABLE | two characters
			dcbadcbaabcd           | ann@example.org        | PREDICTABLE | four different characters
			xyz12xyz12xyz12        | ann@example.org        | PREDICTABLE | a pattern repeated
			abcdefghijklm          | ann@example.org        | PREDICTABLE | a run of letters
			123456789012           | ann@example.org        | PREDICTABLE | a run of digits, wrapping after 9
			onmlkjihgfedcba        | ann@example.org        | PREDICTABLE | a run backwards
			# the user's own address, whatever the case
			jean.dupont@example.org | jean.dupont@example.org | PERSONAL  | the address itself
			my-JEAN.DUPONT-secret  | jean.dupont@example.org | PERSONAL   | the part before the @ inside it
			jean.dupont2           | jean.dupont@example.org | PERSONAL   | the part before the @ with a digit
			jo-said-blue-skies     | jo@example.org         | OK          | a two-letter local part is only refused whole
			bob-the-gardener-7     | bob@example.org        | PERSONAL    | three letters are enough to be refused inside
			dupont-and-sons-1920   | jean.dupont@example.org | OK         | only the whole local part counts
			anything-at-all-42     | NULL                   | OK          | no address known
			""")
	void judgesPasswords(String password, String email, String expected, String why) {
		Reason reason = PasswordRules.weakness(password, email).orElse(null);
		assertThat(reason == null ? "OK" : reason.name()).as(why).isEqualTo(expected);
	}

	@Test
	void refusesPasswordsMadeOfSpacesOnly() {
		for (String blank : new String[] { " ".repeat(12), "\t".repeat(20), "\u00a0".repeat(14), " \u2003 ".repeat(5), "" }) {
			assertThat(PasswordRules.weakness(blank, "ann@example.org")).contains(Reason.BLANK);
		}
	}

	@Test
	void refusesTooLongPasswords() {
		String words = "the quiet river bends west past the old mill where seven herons wait for the morning tide "
				+ "to turn, and nobody counts how long they stand there in the reeds";
		assertThat(PasswordRules.weakness(words.substring(0, 128), null)).isEmpty();
		assertThat(PasswordRules.weakness(words.substring(0, 129), null)).contains(Reason.LENGTH);
	}

	@Test
	void throwsWithTheRuleBroken() {
		assertThatThrownBy(() -> PasswordRules.check("qwertyuiop123", "ann@example.org"))
				.isExactlyInstanceOf(WeakPassword.class)
				.satisfies(e -> assertThat(((WeakPassword) e).reason()).isEqualTo(Reason.COMMON))
				// The message is the bundle key, worded in the reader's language where it is shown.
				.hasMessage("password.common");
		assertThat(java.util.ResourceBundle.getBundle("i18n/identity", Locale.ROOT).getString("password.common"))
				.contains("most common");
		assertThatNoException().isThrownBy(() -> PasswordRules.check("lantern-mossy-tugboat", "ann@example.org"));
	}

	/** Every entry of the shipped list that can match is refused: the list is read whole, not just its start. */
	@Test
	void theShippedListIsUsedToTheEnd() throws Exception {
		String last = null;
		long entries = 0;
		try (InputStream in = PasswordRules.class.getResourceAsStream(PasswordRules.COMMON_PASSWORDS)) {
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.startsWith("#")) {
					assertThat(line).isEqualTo(line.toLowerCase(Locale.ROOT));
					last = line;
					entries++;
				}
			}
		}
		assertThat(entries).isGreaterThan(40_000);
		assertThat(last).isNotNull();
		assertThat(PasswordRules.weakness("2024-" + last.toUpperCase(Locale.ROOT) + "-2024", null))
				.contains(Reason.COMMON);
	}
}
