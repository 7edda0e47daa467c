package io.charter.consent.banner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.charter.consent.Declaration;

/**
 * What {@code banner.js} carries for its site, so a returning visitor needs no other request and a
 * first visit sees the banner without waiting for a second one: which version is current and which is
 * the latest material one, languages, lifetimes, the Consent Mode types and first-party cookie names
 * of each category (to deny, guard and delete before any config is loaded), the first layer's texts
 * and the settings control's label in each language ({@link #FIRST}), the build id (see
 * {@link Banners#build()}) and the stylesheet. The second layer's texts, categories, services and
 * cookies are in the config, fetched once the first layer is drawn.
 */
record BannerBoot(String site, int version, int materialVersion, List<String> languages, String defaultLanguage,
		int consentLifetimeDays, int refusalLifetimeDays, int waitForUpdateMs, List<Category> categories,
		Map<String, Map<String, String>> texts, String build, String css) {

	/** The texts the first layer and the settings control show, before any config is loaded. */
	static final List<String> FIRST = List.of("title", "body", "controller", "declarationLink", "acceptAll",
			"refuseAll", "customise", "gpcNotice", "settings");

	/**
	 * @param cookies first-party cookie names of the category; a name ending in {@code *} is a prefix
	 * @param gpc refused under Global Privacy Control (the catalogue's setting, as the consent log checks it)
	 */
	record Category(String key, boolean necessary, List<String> gcm, List<String> cookies, boolean gpc) {
	}

	static BannerBoot of(Declaration d, BannerTexts bannerTexts, ControllerNames.Names controller, String css,
			String build) {
		List<Category> categories = d.categories().stream().map(c -> new Category(c.key(), c.necessary(),
				BannerConfig.nonNull(c.gcmTypes()),
				BannerConfig.nonNull(d.services()).stream().filter(s -> c.key().equals(s.category()))
						.flatMap(s -> BannerConfig.nonNull(s.cookies()).stream())
						// Third-party cookies are out of the page's reach, and their names (sid, uid)
						// could shadow the site's own.
						.filter(k -> !k.thirdParty()).map(BannerConfig::cookieName).distinct().toList(),
				!c.necessary() && c.refuseOnGpc()))
				.toList();
		Map<String, Map<String, String>> texts = new LinkedHashMap<>();
		for (String language : d.site().languages()) {
			Map<String, String> all = BannerConfig.texts(d, language, bannerTexts, controller);
			texts.put(language, FIRST.stream().filter(all::containsKey)
					.collect(Collectors.toMap(k -> k, all::get, (a, b) -> a, LinkedHashMap::new)));
		}
		return new BannerBoot(d.siteKey(), d.version(), d.materialVersion(), d.site().languages(),
				d.site().defaultLanguage(), d.site().consentLifetimeDays(), d.site().refusalLifetimeDays(),
				d.site().waitForUpdateMs(), categories, texts, build, css);
	}
}
