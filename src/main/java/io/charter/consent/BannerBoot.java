package io.charter.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code banner.js} carries for its site, so a returning visitor needs no other request: which
 * version is current and which is the latest material one, languages, lifetimes, the Consent Mode
 * types and first-party cookie names of each category (to deny, guard and delete before any config
 * is loaded), the first layer's texts in every language of the site (so the banner shows without
 * waiting for another request), the build id and the stylesheet.
 */
record BannerBoot(String site, int version, int materialVersion, List<String> languages, String defaultLanguage,
		int consentLifetimeDays, int refusalLifetimeDays, int waitForUpdateMs, List<Category> categories,
		Map<String, Map<String, String>> texts, String build, String css) {

	/** @param cookies first-party cookie names of the category; a name ending in {@code *} is a prefix */
	record Category(String key, boolean necessary, boolean refuseOnGpc, List<String> gcm, List<String> cookies) {
	}

	static BannerBoot of(Declaration d, BannerAssets assets) {
		List<Category> categories = d.categories().stream().map(c -> new Category(c.key(), c.necessary(),
				c.refuseOnGpc(), BannerConfig.nonNull(c.gcmTypes()),
				BannerConfig.nonNull(d.services()).stream().filter(s -> c.key().equals(s.category()))
						.flatMap(s -> BannerConfig.nonNull(s.cookies()).stream())
						// Third-party cookies are out of the page's reach, and their names (sid, uid)
						// could shadow the site's own.
						.filter(k -> !k.thirdParty()).map(BannerConfig::cookieName).distinct().toList()))
				.toList();
		Map<String, Map<String, String>> texts = new LinkedHashMap<>();
		for (String language : d.site().languages()) {
			Map<String, String> all = BannerTexts.of(d, language);
			Map<String, String> first = new LinkedHashMap<>();
			BannerTexts.FIRST_LAYER.forEach(key -> first.put(key, all.get(key)));
			texts.put(language, first);
		}
		return new BannerBoot(d.siteKey(), d.version(), d.materialVersion(), d.site().languages(),
				d.site().defaultLanguage(), d.site().consentLifetimeDays(), d.site().refusalLifetimeDays(),
				d.site().waitForUpdateMs(), categories, texts, assets.build(), assets.css());
	}
}
