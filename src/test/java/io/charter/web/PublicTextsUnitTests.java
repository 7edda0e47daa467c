package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What public texts say in the words of the GDPR, read straight from the bundles in each language
 * (see docs/legal-texts.md): no text may narrow a right or state a fact the organisation did not give.
 */
class PublicTextsUnitTests {

	static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames("messages", "i18n/rights", "i18n/premises", "i18n/policies", "i18n/exemptions",
				"i18n/training", "i18n/people", "i18n/identity");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	static String text(String key, String language, Object... args) {
		return MESSAGES.getMessage(key, args, Locale.forLanguageTag(language));
	}

	/**
	 * Art. 77 gives the right to complain to a supervisory authority, in particular in the Member State
	 * of residence, work or infringement; the named authority is the one in Belgium, not the only one.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "rights.complaint", "premises.privacy-complaint" })
	void theComplaintSentenceKeepsArticle77WholeAndNamesTheAuthorityInBelgium(String key) {
		assertThat(text(key, "en", "X")).isEqualTo("You have the right to lodge a complaint with a supervisory authority,"
				+ " in particular in the Member State of your habitual residence, place of work or place of the alleged"
				+ " infringement (GDPR art. 77); in Belgium: X.");
		assertThat(text(key, "fr", "X")).contains("auprès d", "une autorité de contrôle, en particulier dans l",
				"État membre de votre résidence habituelle, de votre lieu de travail ou du lieu où la violation aurait été commise",
				"(RGPD, art. 77) ; en Belgique : X.").doesNotContain("l’autorité de contrôle :", "l'autorité de contrôle :");
		assertThat(text(key, "nl", "X")).isEqualTo("U hebt het recht een klacht in te dienen bij een toezichthoudende"
				+ " autoriteit, met name in de lidstaat waar u gewoonlijk verblijft, waar u werkt of waar de beweerde inbreuk"
				+ " is begaan (AVG, art. 77); in België: X.");
		assertThat(text(key + ".unnamed", "en")).contains("a supervisory authority, in particular in the Member State");
	}
}
