package io.charter.consent.banner;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.charter.consent.Declaration;

/**
 * What the banner needs to show itself in one language, from one published declaration version:
 * texts, categories with their services and cookies (for the second layer and for deleting cookies
 * on withdrawal), lifetimes and the URLs it calls. Served as {@code /c/{site}/config.json?lang=} and,
 * immutable, as {@code /c/{site}/v/{version}/config.{lang}.json}.
 *
 * @param declarationUrl and {@code consentUrl}: paths on Charter's origin
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BannerConfig(String site, int version, int materialVersion, String language, List<String> languages,
		int consentLifetimeDays, int refusalLifetimeDays, int waitForUpdateMs, String declarationUrl,
		String consentUrl, Map<String, String> texts, List<Category> categories) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Category(String key, boolean necessary, boolean refuseOnGpc, List<String> gcmTypes, String name,
			String description, List<Service> services) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	/** @param key what an embed's {@code data-service} names, and the log records as {@code category:key} */
	record Service(String key, String name, String provider, String description, List<Cookie> cookies) {
	}

	/**
	 * @param name ends in {@code *} when it is a prefix pattern
	 * @param domain where the site sets it, when not on the page's own host
	 * @param purpose absent when it is the service's description
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Cookie(String name, String domain, String retention, String purpose) {
	}

	static BannerConfig of(Declaration d, String language, String contextPath) {
		String fallback = d.site().defaultLanguage();
		String base = contextPath + "/c/" + d.siteKey() + "/";
		List<Category> categories = d.categories().stream().map(c -> new Category(c.key(), c.necessary(),
				c.refuseOnGpc(), nonNull(c.gcmTypes()), text(c.name(), language, fallback),
				text(c.description(), language, fallback),
				nonNull(d.services()).stream().filter(s -> c.key().equals(s.category()))
						.map(s -> new Service(s.key(), s.name(), s.provider(), text(s.description(), language, fallback),
								nonNull(s.cookies()).stream().map(k -> new Cookie(cookieName(k), k.domain(),
										text(k.retention(), language, fallback),
										purpose(k, text(s.description(), language, fallback), language, fallback)))
										.toList()))
						.toList()))
				.toList();
		return new BannerConfig(d.siteKey(), d.version(), d.materialVersion(), language, d.site().languages(),
				d.site().consentLifetimeDays(), d.site().refusalLifetimeDays(), d.site().waitForUpdateMs(),
				base + "declaration?lang=" + language, base + "consents", BannerTexts.of(d, language), categories);
	}

	/** A text in the asked language, else in the site's default one, else in any. */
	static String text(Map<String, String> texts, String language, String fallback) {
		if (texts == null || texts.isEmpty()) {
			return null;
		}
		String text = texts.get(language);
		if (text == null || text.isBlank()) {
			text = texts.get(fallback);
		}
		return text != null ? text : texts.values().iterator().next();
	}

	/** A cookie's own purpose; none when it only repeats its service's description. */
	static String purpose(Declaration.Cookie cookie, String serviceDescription, String language, String fallback) {
		String purpose = text(cookie.purpose(), language, fallback);
		return purpose == null || purpose.isBlank() || purpose.equals(serviceDescription) ? null : purpose;
	}

	/** The name as the banner matches it: a prefix pattern ends in {@code *}. */
	static String cookieName(Declaration.Cookie cookie) {
		return cookie.pattern() && !cookie.name().endsWith("*") ? cookie.name() + "*" : cookie.name();
	}

	static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}
}
