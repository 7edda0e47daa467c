package io.charter.shared.personaldata;

/**
 * What a module did for an erasure, a restriction or a withdrawal of consent.
 *
 * @param records how many records were changed
 * @param detail what was done, and for {@link Result#PARTLY} what was kept and why (art. 17(3));
 *        no personal data (it is shown to staff and summarised in the audit trail)
 */
public record Outcome(Result result, int records, String detail) {

	public enum Result {
		/** Done for everything held. */
		DONE,
		/** Nothing was held. */
		NOTHING_HELD,
		/** Done, but some data were kept for a reason the detail names. */
		PARTLY,
		/** The step does not apply to this module. */
		NOT_APPLICABLE
	}

	public static Outcome done(int records, String detail) {
		return new Outcome(Result.DONE, records, detail);
	}

	public static Outcome nothingHeld() {
		return new Outcome(Result.NOTHING_HELD, 0, null);
	}

	public static Outcome partly(int records, String whatWasKeptAndWhy) {
		return new Outcome(Result.PARTLY, records, whatWasKeptAndWhy);
	}

	public static Outcome notApplicable(String why) {
		return new Outcome(Result.NOT_APPLICABLE, 0, why);
	}
}
