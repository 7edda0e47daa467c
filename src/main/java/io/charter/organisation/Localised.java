package io.charter.organisation;

import java.util.Locale;
import java.util.Optional;

/**
 * One value in each of Charter's languages; a language without a value has none (null), and is
 * then left out of what is shown rather than replaced by another language's value.
 */
public record Localised(String fr, String nl, String en) {

	public Localised {
		fr = OrganisationProfile.blankToNull(fr);
		nl = OrganisationProfile.blankToNull(nl);
		en = OrganisationProfile.blankToNull(en);
	}

	/** The value in the locale's language (French for a language Charter does not speak, as the public pages do). */
	public Optional<String> in(Locale locale) {
		String language = locale == null ? "fr" : locale.getLanguage();
		return Optional.ofNullable(switch (language) {
			case "nl" -> nl;
			case "en" -> en;
			default -> fr;
		});
	}
}
