package io.charter.rights;

/**
 * A request as the public form or staff enter it.
 *
 * @param language en, fr or nl: the language of every letter to the requester
 * @param visitorId the cookie banner's visitor id, optional
 * @param details what the requester wrote, optional
 */
public record NewRequest(RequestType type, String name, String email, String language, String visitorId,
		String details) {

	public static final int MAX_NAME = 200;
	public static final int MAX_EMAIL = 320;
	public static final int MAX_DETAILS = 5000;
	/** The shape of the banner's visitor ids. */
	public static final String VISITOR_PATTERN = "[A-Za-z0-9_-]{1,64}";
	public static final String EMAIL_PATTERN = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";

	/** The fields that break a rule (missing, too long, malformed), in form order; empty when acceptable. */
	public java.util.List<String> invalidFields() {
		java.util.List<String> invalid = new java.util.ArrayList<>();
		if (type == null) {
			invalid.add("type");
		}
		if (name == null || name.isBlank() || name.strip().length() > MAX_NAME || hasControl(name)) {
			invalid.add("name");
		}
		if (email == null || email.strip().length() > MAX_EMAIL || !email.strip().matches(EMAIL_PATTERN)) {
			invalid.add("email");
		}
		if (visitorId != null && !visitorId.isBlank() && !visitorId.strip().matches(VISITOR_PATTERN)) {
			invalid.add("visitorId");
		}
		if (details != null && details.strip().length() > MAX_DETAILS) {
			invalid.add("details");
		}
		return invalid;
	}

	private static boolean hasControl(String s) {
		return s.chars().anyMatch(c -> Character.isISOControl(c));
	}
}
