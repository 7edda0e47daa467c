package io.charter.scanner;

/**
 * What a scan found against the policy, with where and what showed it.
 *
 * @param subject the cookie's name, or the host contacted
 * @param page the page where it first showed, or null (a declared cookie never seen)
 * @param evidence what was seen, in the scan's own words (a cookie's domain, expiry and who set it; a URL)
 * @param category the category the classification gave
 * @param purpose for an undeclared cookie, the purpose the Open Cookie Database suggests, or null
 * @param retentionDays for an undeclared cookie, the days it was set to live (rounded up), null for a session cookie
 */
record Finding(Kind kind, String subject, String page, String evidence, String category, String purpose,
		Integer retentionDays, boolean thirdParty) {

	Finding(Kind kind, String subject, String page, String evidence, String category) {
		this(kind, subject, page, evidence, category, null, null, false);
	}

	enum Kind {
		/** C1: a non-necessary cookie before any choice. */
		COOKIE_BEFORE_CONSENT(true),
		/** C5: a non-necessary cookie after "refuse all". */
		COOKIE_AFTER_REFUSAL(true),
		/** C1: a third party contacted before any choice. */
		REQUEST_BEFORE_CONSENT(true),
		/** C5: a third party contacted after "refuse all". */
		REQUEST_AFTER_REFUSAL(true),
		/** C3/C4: a cookie the catalogue does not list. */
		UNDECLARED_COOKIE(false),
		/** C3/C4: a cookie the catalogue lists that no visit saw. */
		DECLARED_NEVER_SEEN(false),
		/** C4: a cookie kept longer than the catalogue says. */
		LONGER_THAN_DECLARED(false);

		private final boolean breach;

		Kind(boolean breach) {
			this.breach = breach;
		}

		boolean breach() {
			return breach;
		}
	}

	/** The same finding in two scans: same kind and subject, wherever it showed. */
	String key() {
		return kind + " " + subject;
	}
}
