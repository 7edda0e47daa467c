package io.charter.consent.banner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.charter.consent.CatalogueRules;
import io.charter.consent.Declaration;

/**
 * What the banner needs to show itself in one language, from one published declaration version:
 * texts, and categories with their services and cookies (for the second layer and for deleting
 * cookies on withdrawal). Only what the script reads: what it needs before any config (versions,
 * lifetimes, Consent Mode types, URLs) is in {@code banner.js}'s boot data already. Served as
 * {@code /c/{site}/config.json?lang=} and, immutable, as {@code /c/{site}/v/{version}/config.{lang}.json}.
 *
 * @param texts the banner's texts; {@code controller} names the controller and its partners
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BannerConfig(int version, String language, Map<String, String> texts, List<Category> categories) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Category(String key, boolean necessary, boolean refuseOnGpc, String name, String description,
			List<Service> services) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	/** @param key what an embed's {@code data-service} names, and the log records as {@code category:key} */
	record Service(String key, String name, String provider, String description, List<Cookie> cookies) {
	}

	/**
	 * @param name ends in {@code *} when it is a prefix pattern
	 * @param purpose absent when it is the service's description
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Cookie(String name, String retention, String purpose) {
	}

	static BannerConfig of(Declaration d, String language, BannerTexts bannerTexts, ControllerNames.Names controller) {
		String fallback = d.site().defaultLanguage();
		List<Category> categories = d.categories().stream().map(c -> new Category(c.key(), c.necessary(),
				c.refuseOnGpc(), text(c.name(), language, fallback), text(c.description(), language, fallback),
				nonNull(d.services()).stream().filter(s -> c.key().equals(s.category()))
						.map(s -> new Service(s.key(), s.name(), s.provider(), text(s.description(), language, fallback),
								nonNull(s.cookies()).stream().map(k -> new Cookie(cookieName(k),
										text(k.retention(), language, fallback),
										purpose(k, text(s.description(), language, fallback), language, fallback)))
										.toList()))
						.toList()))
				.toList();
		return new BannerConfig(d.version(), language, texts(d, language, bannerTexts, controller), categories);
	}

	/** Every text of one language, with the line naming the controller and its partners once the profile was read. */
	static Map<String, String> texts(Declaration d, String language, BannerTexts bannerTexts,
			ControllerNames.Names controller) {
		Map<String, String> texts = new LinkedHashMap<>(bannerTexts.of(d, language));
		texts.computeIfPresent("gpcNotice", (k, text) -> text.replace("{categories}", gpcRefused(d, language)));
		String legalName = controller.legalNames().get(CatalogueRules.LANGUAGES.contains(language) ? language : "en");
		if (legalName != null) {
			List<String> partners = partners(d, controller);
			texts.put("controller", bannerTexts.text(language, "controller").replace("{controller}", legalName)
					+ (partners.isEmpty() ? ""
							: " " + bannerTexts.text(language, "partners").replace("{partners}", String.join(", ", partners))));
		}
		return texts;
	}

	/**
	 * Who else receives data through the cookies the banner asks about: the providers (else the names)
	 * of the services of every category that is not strictly necessary, the controller's own left out.
	 */
	static List<String> partners(Declaration d, ControllerNames.Names controller) {
		return nonNull(d.services()).stream().filter(s -> {
			Declaration.Category category = d.category(s.category());
			return category != null && !category.necessary();
		}).map(s -> s.provider() == null || s.provider().isBlank() ? s.name() : s.provider().strip())
				.filter(p -> !controller.isController(p)).distinct().toList();
	}

	/** The names of the categories Global Privacy Control refuses, for the notice that says so. */
	static String gpcRefused(Declaration d, String language) {
		return d.categories().stream().filter(c -> !c.necessary() && c.refuseOnGpc())
				.map(c -> text(c.name(), language, d.site().defaultLanguage())).filter(n -> n != null)
				.collect(java.util.stream.Collectors.joining(", "));
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
