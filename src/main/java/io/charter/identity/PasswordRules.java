package io.charter.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import io.charter.identity.WeakPassword.Reason;

/**
 * What Charter accepts as a password, after NIST SP 800-63B section 5.1.1.2: 12 to 128 characters,
 * any of them; not only spaces; not the user's own e-mail address or the part before its @; not a
 * repetition, a sequence or a handful of characters; not one of the most common passwords, nor one
 * of them with digits, signs or spaces around it ({@code Summer2024!!}). Case does not matter to any
 * comparison. No composition rules (a digit, a capital): the standard advises against them.
 */
final class PasswordRules {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;

	/** The shipped list of common passwords; its header says where it comes from. */
	static final String COMMON_PASSWORDS = "/identity/common-passwords.txt";

	/** Shorter local parts ("jo") would refuse too many good passwords: they are only refused whole. */
	private static final int MIN_PERSONAL_PART = 3;
	/** A common password with things around it counts from this length on: "x" + 11 digits is no word. */
	private static final int MIN_COMMON_CORE = 4;
	private static final int MIN_DISTINCT = 5;

	private PasswordRules() {
	}

	/**
	 * Refuses a password that breaks a rule.
	 *
	 * @param email the address of the account the password is for; null when not known
	 * @throws WeakPassword naming the first rule broken
	 */
	static void check(String password, String email) {
		Optional<Reason> weakness = weakness(password, email);
		if (weakness.isPresent()) {
			throw new WeakPassword(weakness.get());
		}
	}

	static Optional<Reason> weakness(String password, String email) {
		if (password == null || password.codePoints().allMatch(PasswordRules::isSpace)) {
			return Optional.of(Reason.BLANK);
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of(Reason.LENGTH);
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (personal(folded, email)) {
			return Optional.of(Reason.PERSONAL);
		}
		if (predictable(folded)) {
			return Optional.of(Reason.PREDICTABLE);
		}
		if (common(folded)) {
			return Optional.of(Reason.COMMON);
		}
		return Optional.empty();
	}

	private static boolean personal(String folded, String email) {
		if (email == null || email.isBlank()) {
			return false;
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		int at = address.lastIndexOf('@');
		String local = at < 0 ? address : address.substring(0, at);
		return folded.contains(address) || folded.equals(local)
				|| (local.length() >= MIN_PERSONAL_PART && folded.contains(local));
	}

	/** Few distinct characters, a repeated pattern ("abcabcabcabc") or a run ("123456789012", "lkjihgfedcba"). */
	static boolean predictable(String folded) {
		int[] c = folded.codePoints().toArray();
		if (folded.codePoints().distinct().count() < MIN_DISTINCT) {
			return true;
		}
		for (int period = 1; period <= c.length / 2; period++) {
			if (repeatsEvery(c, period)) {
				return true;
			}
		}
		return runs(c, 1) || runs(c, -1);
	}

	private static boolean repeatsEvery(int[] c, int period) {
		for (int i = period; i < c.length; i++) {
			if (c[i] != c[i - period]) {
				return false;
			}
		}
		return true;
	}

	/** Each character follows the one before by {@code step}; digits wrap around (…8, 9, 0, 1…). */
	private static boolean runs(int[] c, int step) {
		for (int i = 1; i < c.length; i++) {
			boolean digits = Character.isDigit(c[i - 1]) && Character.isDigit(c[i]);
			int next = digits ? '0' + Math.floorMod(c[i - 1] - '0' + step, 10) : c[i - 1] + step;
			if (c[i] != next) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Read line by line at each check rather than held in memory: passwords are set rarely, and
	 * the list would otherwise cost several megabytes of heap for the life of the process.
	 */
	private static boolean common(String folded) {
		String core = core(folded);
		boolean coreCounts = core.codePointCount(0, core.length()) >= MIN_COMMON_CORE;
		try (InputStream in = PasswordRules.class.getResourceAsStream(COMMON_PASSWORDS)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + COMMON_PASSWORDS);
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.startsWith("#") && (line.equals(folded) || (coreCounts && line.equals(core)))) {
					return true;
				}
			}
			return false;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The password without the digits, signs and spaces before its first letter and after its last. */
	static String core(String folded) {
		int start = 0;
		int end = folded.length();
		while (start < end && !Character.isLetter(folded.codePointAt(start))) {
			start += Character.charCount(folded.codePointAt(start));
		}
		while (end > start && !Character.isLetter(folded.codePointBefore(end))) {
			end -= Character.charCount(folded.codePointBefore(end));
		}
		return folded.substring(start, end);
	}

	private static boolean isSpace(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}
}
