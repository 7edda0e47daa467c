package io.charter.consent.banner;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
	private final BannerTexts texts;
	private final ControllerNames controller;
	private final JsonMapper json;
	private final BannerResource stylesheet;
	private final BannerResource settings;
	private final Cache<String, BannerResource> rendered = Caffeine.newBuilder().maximumSize(2_000)
			.expireAfterAccess(Duration.ofHours(12)).build();

	/**
	 * Each site's current configs by language, beside {@link #rendered}: {@code config.json} is
	 * asked for on every page view of every site, and this spares it the cache key built per request.
	 * Checked against the current version and build on every request, so it changes with them at once.
	 * Keyed by the languages the site speaks only.
	 */
	private final Map<String, CurrentConfigs> currentConfigs = new ConcurrentHashMap<>();

	private record CurrentConfigs(Declaration declaration, String build, Map<String, BannerResource> byLanguage) {
	}

	private volatile Built built = new Built(null, null);

	/** The build id for the controller's names it was made with. */
	private record Built(ControllerNames.Names names, String build) {
	}

	Banners(DeclarationVersions versions, BannerAssets assets, BannerTexts texts, ControllerNames controller,
			JsonMapper json) {
		this.versions = versions;
		this.assets = assets;
		this.texts = texts;
		this.controller = controller;
		this.json = json;
		this.stylesheet = BannerResource.of(CSS, assets.css());
		this.settings = BannerResource.of(JAVASCRIPT, assets.settingsCode());
	}

	/** {@code banner.js} of a site's current version; empty for an unknown or unpublished site. */
	Optional<BannerResource> script(String siteKey) {
		String build = build();
		return versions.currentNow(siteKey).map(d -> rendered.get("js|" + siteKey + "|" + d.version() + "|" + build,
				key -> BannerResource.of(JAVASCRIPT, script(d, build))));
	}

	/** The config of a site's current version in a language (the site's default for any other). */
	Optional<BannerResource> currentConfig(String siteKey, String language) {
		Optional<Declaration> now = versions.currentNow(siteKey);
		if (now.isEmpty()) {
			currentConfigs.remove(siteKey);
			return Optional.empty();
		}
		Declaration d = now.get();
		String build = build();
		CurrentConfigs held = currentConfigs.get(siteKey);
		if (held == null || held.declaration() != d || !held.build().equals(build)) {
			held = new CurrentConfigs(d, build, new ConcurrentHashMap<>());
			currentConfigs.put(siteKey, held);
		}
		String lang = supported(d, language) ? language : d.site().defaultLanguage();
		return Optional.of(held.byLanguage().computeIfAbsent(lang, l -> config(d, l)));
	}

	/** The config of one version in one of the site's languages; empty when either does not exist. */
	Optional<BannerResource> versionConfig(String siteKey, int version, String language) {
		return versions.versionNow(siteKey, version).filter(d -> supported(d, language))
				.map(d -> config(d, language));
	}

	BannerResource stylesheet() {
		return stylesheet;
	}

	/** {@code settings.js}, the same for every site, like the stylesheet. */
	BannerResource settings() {
		return settings;
	}

	/**
	 * What the banner is built from: its code and stylesheet, and the controller's names its configs
	 * carry. Its URLs ({@code ?b=}, {@code ?h=}) change with any of them, so browsers that keep an
	 * immutable config forever never keep a controller's old name.
	 */
	String build() {
		Built current = built;
		ControllerNames.Names names = controller.current();
		if (current.names() != names) {
			current = new Built(names, BannerAssets.hash(assets.build() + "|" + names.name() + "|" + names.legalNames())
					.substring(0, 12));
			built = current;
		}
		return current.build();
	}

	private BannerResource config(Declaration d, String language) {
		ControllerNames.Names names = controller.current();
		return rendered.get("config|" + d.siteKey() + "|" + d.version() + "|" + language + "|" + build(),
				key -> BannerResource.of(MediaType.APPLICATION_JSON,
						json.writeValueAsString(BannerConfig.of(d, language, texts, names))));
	}

	private String script(Declaration d, String build) {
		String boot = json.writeValueAsString(BannerBoot.of(d, texts, controller.current(), assets.firstCss(), build))
				// JSON is JavaScript, except for these two in older engines.
				.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
		return "/*! Charter consent banner, site " + d.siteKey().replaceAll("[^A-Za-z0-9_-]", "") + ", version " + d.version() + " */\n(function("
				+ BannerAssets.BOOT + "){" + assets.code() + "})(" + boot + ");\n";
	}

	private static boolean supported(Declaration d, String language) {
		return language != null && d.site().languages().contains(language);
	}
}
