package io.charter.consent.web;

import java.util.List;

/**
 * A published cookie declaration in one language, ready for the public page and the embeddable
 * fragment. Built from a published version only, never from the draft.
 *
 * @param changes the change log, newest first
 * @param settingsLabel the label of the banner's persistent "Cookie settings" control
 * @param requestsUrl where a visitor files a data-subject request, in the page's language
 * @param websites the public websites the declaration is for (never the allowed origins)
 * @param authority the supervisory authority as the organisation profile names it in the page's
 *        language (name, address, website), or null where it names none: the page then states the
 *        right to complain without naming an authority
 */
public record DeclarationView(String siteKey, String lang, int version, String publishedOn, String siteName,
		List<String> websites, String controllerName, String controllerNumber, String controllerAddress,
		String controllerEmail, String privacyPolicyUrl, List<ChangeLine> changes, List<CategoryLine> categories,
		List<ServiceGroup> firstParty, List<ServiceGroup> thirdParty, List<ServiceGroup> analytics,
		String settingsLabel, String requestsUrl, List<String> languages, String authority) {

	public record ChangeLine(int version, String date, boolean material, String summary) {
	}

	public record CategoryLine(String key, String name, String description, boolean necessary) {
	}

	/** A service and its cookies: one group of rows in a cookie table. */
	public record ServiceGroup(String name, String provider, String description, String categoryName,
			boolean necessary, boolean thirdParty, String privacyUrl, List<CookieLine> cookies) {
	}

	/**
	 * @param purpose this cookie's own purpose, or empty when the service's description says it
	 * @param toBeConfirmed its name or retention is not confirmed: shown as such, not as a fact
	 */
	public record CookieLine(String name, String purpose, boolean session, String retention, String domain,
			boolean toBeConfirmed) {
	}

	/** Whether any cookie listed is still to be confirmed. */
	public boolean hasToBeConfirmed() {
		return java.util.stream.Stream.of(firstParty, thirdParty, analytics).flatMap(List::stream)
				.flatMap(g -> g.cookies().stream()).anyMatch(CookieLine::toBeConfirmed);
	}
}
