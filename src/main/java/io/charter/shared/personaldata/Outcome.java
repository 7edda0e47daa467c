package io.charter.shared.personaldata;

/**
 * What a module did for an erasure, a restriction or a withdrawal of consent.
 *
 * @param records how many records were changed
 * @param detail what was done, and for {@link Result#PARTLY} what was kept and why (art. 17(3));
 *        no personal data (it is shown to staff and summarised in the audit trail)
 * @param letter what the requester's letter says of it (for {@link Result#PARTLY} what was kept and
 *        why, for {@link Result#NOT_APPLICABLE} why), in their language; null when the holder gives none
 *        and the letter falls back to the detail
 */
public record Outcome(Result result, int records, String detail, RequesterText letter) {

	public Outcome(Result result, int records, String detail) {
		this(result, records, detail, null);
	}

	/** The same outcome, told to the requester by a key of the holder module's bundle. */
	public Outcome saying(String key, Object... arguments) {
		return new Outcome(result, records, detail, new RequesterText(key, java.util.List.of(arguments)));
	}

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
