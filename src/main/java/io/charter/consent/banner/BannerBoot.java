package io.charter.consent.banner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.charter.consent.Declaration;

/**
 * What {@code banner.js} carries for its site, so a returning visitor needs no other request: which
 * version is current and which is the latest material one, languages, lifetimes, the Consent Mode
 * types and first-party cookie names of each category (to deny, guard and delete before any config
 * is loaded), the label of the settings control per language, the build id (see {@link Banners#build()})
 * and the stylesheet.
 */
record BannerBoot(String site, int version, int materialVersion, List<String> languages, String defaultLanguage,
		int consentLifetimeDays, int refusalLifetimeDays, int waitForUpdateMs, List<Category> categories,
		Map<String, String> settingsLabel, String build, String css) {

	/** @param cookies first-party cookie names of the category; a name ending in {@code *} is a prefix */
	record Category(String key, boolean necessary, boolean refuseOnGpc, List<String> gcm, List<String> cookies) {
	}

	static BannerBoot of(Declaration d, BannerTexts texts, String css, String build) {
		List<Category> categories = d.categories().stream().map(c -> new Category(c.key(), c.necessary(),
				c.refuseOnGpc(), BannerConfig.nonNull(c.gcmTypes()),
				BannerConfig.nonNull(d.services()).stream().filter(s -> c.key().equals(s.category()))
						.flatMap(s -> BannerConfig.nonNull(s.cookies()).stream())
						// Third-party cookies are out of the page's reach, and their names (sid, uid)
						// could shadow the site's own.
						.filter(k -> !k.thirdParty()).map(BannerConfig::cookieName).distinct().toList()))
				.toList();
		Map<String, String> labels = new LinkedHashMap<>();
		for (String language : d.site().languages()) {
			labels.put(language, texts.of(d, language).get("settings"));
		}
		return new BannerBoot(d.siteKey(), d.version(), d.materialVersion(), d.site().languages(),
				d.site().defaultLanguage(), d.site().consentLifetimeDays(), d.site().refusalLifetimeDays(),
				d.site().waitForUpdateMs(), categories, labels, build, css);
	}
}
