package io.charter.consent.catalogue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.consent.CatalogueRules;

/**
 * Texts of the catalogue bundle in a given language, independent of who is asking: defaults for a
 * new site, the wording of retention periods, the English messages of refusals for the API.
 */
@Component
public class CatalogueTexts {

	private final MessageSource messages;

	CatalogueTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(String language, String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

	/** The same text in every language Charter speaks. */
	Map<String, String> inEveryLanguage(String key, Object... args) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String language : CatalogueRules.LANGUAGES) {
			texts.put(language, text(language, key, args));
		}
		return texts;
	}

	/**
	 * "Session", "1 day", "180 days", "2 years" (730 days), or "less than a day" for 0. Months are not
	 * guessed from days: a cookie kept "13 months" says so in its retention text.
	 */
	public String retention(String language, Integer days) {
		if (days == null) {
			return text(language, "catalogue.retention.session");
		}
		if (days == 0) {
			return text(language, "catalogue.retention.less-than-a-day");
		}
		if (days % 365 == 0) {
			return text(language, "catalogue.retention.years", days / 365);
		}
		return text(language, "catalogue.retention.days", days);
	}

	InvalidCatalogueChange refusal(String field, String code, Object... args) {
		return new InvalidCatalogueChange(field, code, text("en", "catalogue.error." + code, args), args);
	}
}
