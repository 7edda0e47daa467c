package io.charter.consent.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The draft cookie catalogue of one site as it is being edited: what the admin pages and the API
 * show. Publishing turns it into an immutable declaration version. Texts are maps from language
 * (fr, nl, en) to text; a language the site does not use may be missing.
 */
public record Catalogue(Site site, List<Category> categories, List<Service> services,
		Map<String, Map<String, String>> bannerTexts) {

	/**
	 * @param revision counts the saves of the site's settings and banner texts; a save may name the
	 *        revision it was based on, and is refused when another save came in between
	 * @param publicWebsites the websites the declaration names; never the allowed origins
	 */
	public record Site(UUID id, String key, String name, List<String> origins, List<String> languages,
			String defaultLanguage, int consentLifetimeDays, int refusalLifetimeDays, int waitForUpdateMs,
			List<String> publicWebsites, int revision) {
	}

	/** {@code necessary} is always present, always granted and cannot be deleted. */
	public record Category(String key, int position, boolean necessary, boolean refuseOnGpc, List<String> gcmTypes,
			Map<String, String> name, Map<String, String> description) {
	}

	public record Service(String key, String name, String provider, String category, boolean thirdParty,
			String privacyUrl, Map<String, String> description, List<Cookie> cookies) {
	}

	/**
	 * @param retentionDays null for a session cookie, 0 for less than a day
	 * @param retention wording of the retention when the number of days does not say it (e.g. "1 minute");
	 *        empty: written from retentionDays
	 * @param purpose this cookie's own purpose; empty: the service's description applies
	 */
	public record Cookie(UUID id, String name, String domain, boolean thirdParty, Integer retentionDays,
			Map<String, String> retention, Map<String, String> purpose, boolean toBeConfirmed, String note) {

		/** Charter's own cookie: declared on every site by Charter, never by an admin. */
		public static final String CHARTER_CONSENT = "charter_consent";

		/** A name ending in {@code *} stands for every cookie whose name starts with the rest. */
		public boolean pattern() {
			return name.endsWith("*");
		}
	}

	public Category category(String key) {
		return categories.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
	}

	public Service service(String key) {
		return services.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
	}

	/** A text in the reader's language when the site has it, else in the site's default language. */
	public String in(Map<String, String> texts, String language) {
		String text = site.languages().contains(language) ? text(texts, language) : "";
		return text.isBlank() ? text(texts, site.defaultLanguage()) : text;
	}

	public long servicesIn(String category) {
		return services.stream().filter(s -> s.category().equals(category)).count();
	}

	public long toBeConfirmed() {
		return services.stream().flatMap(s -> s.cookies().stream()).filter(Cookie::toBeConfirmed).count();
	}

	/** The texts of a site language for a map that may lack it: never null. */
	public static String text(Map<String, String> texts, String language) {
		String text = texts == null ? null : texts.get(language);
		return text == null ? "" : text;
	}
}
