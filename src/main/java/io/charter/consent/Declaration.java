package io.charter.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A published, immutable version of a site's cookie declaration: the whole catalogue and the
 * banner texts as they were shown. The banner, the consent log and the declaration page all read
 * this, never the draft catalogue. Texts are maps from language (fr, nl, en) to text.
 *
 * @param materialVersion the latest material version up to this one: visitors whose consent is
 *        older than it are asked again
 */
public record Declaration(String siteKey, int version, Instant publishedAt, boolean material, int materialVersion,
		Site site, List<Category> categories, List<Service> services, Map<String, Map<String, String>> bannerTexts,
		Map<String, String> summary) {

	/**
	 * Versions published before the organisation profile also hold the site's own controller fields
	 * ({@code controllerName}, ...): the profile names the controller now, so they are ignored.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Site(String name, List<String> origins, List<String> languages, String defaultLanguage,
			int consentLifetimeDays, int refusalLifetimeDays, int waitForUpdateMs, List<String> publicWebsites) {

		/** Versions published before public websites existed name none (null in their JSON). */
		public Site {
			publicWebsites = publicWebsites == null ? List.of() : List.copyOf(publicWebsites);
		}
	}

	/** A cookie category; {@code necessary} is always granted and cannot be refused. */
	public record Category(String key, boolean necessary, boolean refuseOnGpc, List<String> gcmTypes,
			Map<String, String> name, Map<String, String> description) {
	}

	public record Service(String key, String name, String provider, String category, boolean thirdParty, String privacyUrl,
			Map<String, String> description, List<Cookie> cookies) {
	}

	/**
	 * @param pattern the name ends in {@code *} and matches every cookie starting with the rest
	 * @param retentionDays null for a session cookie
	 * @param toBeConfirmed the name or retention is not documented by the provider yet
	 */
	public record Cookie(String name, boolean pattern, String domain, boolean thirdParty, Integer retentionDays,
			Map<String, String> retention, Map<String, String> purpose, boolean toBeConfirmed, String note) {
	}

	public Category category(String key) {
		return categories.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
	}
}
