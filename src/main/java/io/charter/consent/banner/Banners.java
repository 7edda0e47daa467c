package io.charter.consent.banner;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.DatabaseUnavailable;
import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;

/**
 * Renders the banner's public resources from published declaration versions. A version never
 * changes, so what is rendered for it is kept (bounded) per instance; which version is current
 * comes from {@link DeclarationVersions}, from memory, and follows a publication within seconds.
 * What is not in memory and cannot be read in time fails with {@link DatabaseUnavailable}.
 */
@Component
class Banners {

	static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);
	static final MediaType CSS = new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);

	private final DeclarationVersions versions;
	private final BannerAssets assets;
	private final JsonMapper json;
	private final BannerResource stylesheet;
	private final Cache<String, BannerResource> rendered = Caffeine.newBuilder().maximumSize(2_000)
			.expireAfterAccess(Duration.ofHours(12)).build();

	Banners(DeclarationVersions versions, BannerAssets assets, JsonMapper json) {
		this.versions = versions;
		this.assets = assets;
		this.json = json;
		this.stylesheet = BannerResource.of(CSS, assets.css());
	}

	/** {@code banner.js} of a site's current version; empty for an unknown or unpublished site. */
	Optional<BannerResource> script(String siteKey) {
		return versions.currentNow(siteKey).map(d -> rendered.get("js|" + siteKey + "|" + d.version(),
				key -> BannerResource.of(JAVASCRIPT, script(d))));
	}

	/** The config of a site's current version in a language (the site's default for any other). */
	Optional<BannerResource> currentConfig(String siteKey, String language, String contextPath) {
		return versions.currentNow(siteKey).map(d -> config(d, supported(d, language) ? language
				: d.site().defaultLanguage(), contextPath));
	}

	/** The config of one version in one of the site's languages; empty when either does not exist. */
	Optional<BannerResource> versionConfig(String siteKey, int version, String language, String contextPath) {
		return versions.versionNow(siteKey, version).filter(d -> supported(d, language))
				.map(d -> config(d, language, contextPath));
	}

	BannerResource stylesheet() {
		return stylesheet;
	}

	String build() {
		return assets.build();
	}

	private BannerResource config(Declaration d, String language, String contextPath) {
		return rendered.get("config|" + d.siteKey() + "|" + d.version() + "|" + language + "|" + contextPath,
				key -> BannerResource.of(MediaType.APPLICATION_JSON,
						json.writeValueAsString(BannerConfig.of(d, language, contextPath))));
	}

	private String script(Declaration d) {
		String boot = json.writeValueAsString(BannerBoot.of(d, assets))
				// JSON is JavaScript, except for these two in older engines.
				.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
		return "/*! Charter consent banner, site " + d.siteKey().replaceAll("[^A-Za-z0-9_-]", "") + ", version " + d.version() + " */\n(function("
				+ BannerAssets.BOOT + "){" + assets.code() + "})(" + boot + ");\n";
	}

	private static boolean supported(Declaration d, String language) {
		return language != null && d.site().languages().contains(language);
	}
}
