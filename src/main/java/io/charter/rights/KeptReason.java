package io.charter.rights;

import java.util.Locale;

/**
 * Why staff recorded that a module's data were not erased or restricted (or what they did by
 * hand): stored as the outcome of an {@code EXCEPTION} fulfilment record.
 */
public enum KeptReason {
	/** A legal obligation or a legal claim keeps the data (GDPR art. 17(3)(b), (e)). */
	LEGAL_HOLD,
	/** The module holds nothing on the requester. */
	NOTHING_HELD,
	/** Another reason, in the staff's words. */
	OTHER;

	/** The reason of a stored outcome; records made before reasons existed ({@code RECORDED}) count as other. */
	public static KeptReason of(String outcome) {
		for (KeptReason r : values()) {
			if (r.name().equals(outcome)) {
				return r;
			}
		}
		return OTHER;
	}

	public String key() {
		return "rights.kept-reason." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
