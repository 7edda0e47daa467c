package io.charter.shared;

/**
 * The field that tells a confirmed far-reaching action from a bare request: the shared confirmation
 * page ({@code layout/confirm.jte}) posts {@link #FIELD}{@code =}{@link #VALUE}; a request without it
 * is sent to that page first, so nothing is deleted or re-asked by a stray or scripted POST.
 */
public final class Confirmed {

	public static final String FIELD = "confirmed";
	public static final String VALUE = "yes";

	private Confirmed() {
	}

	/** Whether the request came from the confirmation page's form. */
	public static boolean by(String field) {
		return VALUE.equals(field);
	}
}
