package io.charter.consent.banner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.consent.CatalogueRules;
import io.charter.consent.Declaration;

/**
 * The texts the banner shows, by key. A published declaration carries its own texts per language
 * ({@link Declaration#bannerTexts()}); any key it lacks falls back to Charter's default, so a site
 * always gets a complete banner. The defaults are the catalogue bundle's
 * {@code catalogue.banner-default.<key>}: the same texts a new site starts with, in one place.
 */
@Component
class BannerTexts {

	/** Prefix of the defaults in the catalogue bundle. */
	static final String DEFAULT = "catalogue.banner-default.";

	/**
	 * Every key the banner uses. The catalogue's banner texts use the same names (CatalogueRules);
	 * {@code settingsDescription} and {@code gpcRefused} are not edited there yet and come from the bundle.
	 * {@code myCookieData} labels the settings layer's link to Charter's request form; {@code receipt}
	 * ({@code {id}}, {@code {date}}), {@code receiptLink} and {@code receiptPending} show the consent
	 * log's receipt of the choice in force there. {@code placeholder} names {@code {category}} (its purpose
	 * follows it), {@code placeholderButton} {@code {service}}: the embed's service, else its category.
	 * {@code controller} is filled in here (see {@link BannerConfig}), never edited per site.
	 */
	static final List<String> KEYS = List.of("title", "body", "declarationLink", "acceptAll", "refuseAll",
			"customise", "settings", "settingsDescription", "save", "close", "alwaysOn", "services", "gpcNotice",
			"gpcRefused", "placeholder", "placeholderButton", "myCookieData", "receipt", "receiptLink", "receiptPending");

	private final MessageSource messages;
	private final Map<String, Map<String, String>> defaults = new ConcurrentHashMap<>();

	BannerTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The texts of one language: the declaration's where it has them, else the defaults. */
	Map<String, String> of(Declaration declaration, String language) {
		Map<String, String> fallback = defaults(language);
		Map<String, String> published = declaration.bannerTexts() == null ? Map.of()
				: declaration.bannerTexts().getOrDefault(language, Map.of());
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : KEYS) {
			String text = published.get(key);
			texts.put(key, text == null || text.isBlank() ? fallback.get(key) : text);
		}
		return texts;
	}

	/** A default text as written in the bundle, its {@code {names}} left for the banner to fill. */
	String text(String language, String key) {
		return messages.getMessage(DEFAULT + key, null, locale(language));
	}

	/** Charter's defaults of a language it speaks, English for any other. */
	Map<String, String> defaults(String language) {
		return defaults.computeIfAbsent(CatalogueRules.LANGUAGES.contains(language) ? language : "en", l -> {
			Map<String, String> texts = new LinkedHashMap<>();
			KEYS.forEach(key -> texts.put(key, text(l, key)));
			return Collections.unmodifiableMap(texts);
		});
	}

	private static Locale locale(String language) {
		return Locale.forLanguageTag(CatalogueRules.LANGUAGES.contains(language) ? language : "en");
	}
}
