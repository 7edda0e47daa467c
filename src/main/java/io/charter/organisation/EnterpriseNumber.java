package io.charter.organisation;

import java.util.Optional;

/**
 * A Belgian enterprise number (numéro d'entreprise / ondernemingsnummer, BCE/KBO): ten digits
 * starting with 0 or 1, the last two being 97 minus the first eight modulo 97. Accepts the usual
 * writings ({@code 0680.957.816}, {@code 0680957816}, {@code BE 0680 957 816}, the nine-digit
 * form of before 2005) and shows it as {@code 0680.957.816}.
 */
public record EnterpriseNumber(String digits) {

	public EnterpriseNumber {
		if (digits == null || !digits.matches("[01]\\d{9}") || !checks(digits)) {
			throw new IllegalArgumentException("Not a Belgian enterprise number");
		}
	}

	/** The number written in any of the usual ways, or empty when it is not a valid enterprise number. */
	public static Optional<EnterpriseNumber> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String compact = text.replaceAll("[\\s.\\-]", "");
		if (compact.regionMatches(true, 0, "BE", 0, 2)) {
			compact = compact.substring(2);
		}
		if (compact.matches("\\d{9}")) {
			compact = "0" + compact;
		}
		if (!compact.matches("[01]\\d{9}") || !checks(compact)) {
			return Optional.empty();
		}
		return Optional.of(new EnterpriseNumber(compact));
	}

	private static boolean checks(String tenDigits) {
		long body = Long.parseLong(tenDigits.substring(0, 8));
		int check = Integer.parseInt(tenDigits.substring(8));
		return 97 - body % 97 == check;
	}

	/** {@code 0680.957.816}, as the Crossroads Bank for Enterprises writes it. */
	public String formatted() {
		return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
	}
}
