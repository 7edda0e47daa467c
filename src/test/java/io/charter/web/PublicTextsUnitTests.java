package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

	/**
	 * Art. 15(1)(c): the recipients are those inside the organisation and its processors; nobody told
	 * us there is no transfer outside the EEA or no one outside the organisation, so no text says so.
	 */
	@ParameterizedTest
	@CsvSource({ "training.holding.recipients, en", "training.holding.recipients, fr", "training.holding.recipients, nl",
			"policies.holding.recipients, en", "policies.holding.recipients, fr", "policies.holding.recipients, nl",
			"exemptions.holding.recipients, en", "exemptions.holding.recipients, fr", "exemptions.holding.recipients, nl",
			"people.holding.recipients, en", "people.holding.recipients, fr", "people.holding.recipients, nl",
			"rights.holder.recipients, en", "rights.holder.recipients, fr", "rights.holder.recipients, nl",
			"identity.staff-data.recipients, en", "identity.staff-data.recipients, fr", "identity.staff-data.recipients, nl" })
	void recipientsStateNoTransferOrExclusionNobodyGave(String key, String language) {
		assertThat(text(key, language)).doesNotContain("EEA", "EEE", "EER", "no one outside", "personne en dehors",
				"niemand buiten").containsAnyOf("processing activities", "activités de traitement", "verwerkingsactiviteiten");
	}

	/** One basis per purpose, with its article (art. 13(1)(c), 15(1)(a)); not two bases side by side. */
	@ParameterizedTest
	@CsvSource({ "training, en, 6(1)(f)", "training, fr, art. 6, §1, f)", "training, nl, art. 6, lid 1, f)",
			"policies, en, 6(1)(f)", "policies, fr, art. 6, §1, f)", "policies, nl, art. 6, lid 1, f)",
			"exemptions, en, 6(1)(f)", "exemptions, fr, art. 6, §1, f)", "exemptions, nl, art. 6, lid 1, f)",
			"people, en, 6(1)(f)", "people, fr, art. 6, §1, f)", "people, nl, art. 6, lid 1, f)" })
	void purposesNameOneBasisWithItsArticle(String module, String language, String article) {
		assertThat(text(module + ".holding.purposes", language)).contains(article).doesNotContain("legal obligation",
				"obligation légale", "wettelijke verplichting");
	}

	/** Art. 15(1)(d): the period or the criteria; the visitors' period is the setting that enforces it. */
	@ParameterizedTest
	@CsvSource({ "en, 12 days", "fr, 12 jours", "nl, 12 dagen" })
	void retentionStatesTheRuleAndTheVisitorsPeriodComesFromTheSetting(String language, String period) {
		assertThat(text("premises.holding.retention", language, 12L)).contains(period).doesNotContain("30");
		for (String key : new String[] { "policies.holding.retention", "exemptions.holding.retention",
				"premises.holding.retention" }) {
			assertThat(text(key, language, 12L)).containsAnyOf("erasure", "effacement", "wissing");
		}
	}

	/** Art. 21 applies to processing on art. 6(1)(e) or (f) only; the package says so, not "object" for all. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "en|(art. 6(1)(f))|(art. 6(1)(c))|neither objection nor portability applies",
			"fr|(art. 6, §1, f))|(art. 6, §1, c))|ni l'opposition ni la portabilité ne s'appliquent",
			"nl|(art. 6, lid 1, f))|(art. 6, lid 1, c))|gelden bezwaar noch overdraagbaarheid" })
	void thePackageOffersObjectionOnlyWhereTheBasisAllowsIt(String language, String interest, String obligation,
			String none) {
		String rights = text("rights.package.rights", language);
		assertThat(rights.indexOf(interest)).isPositive().isLessThan(rights.indexOf("(art. 21)"));
		assertThat(rights.substring(rights.indexOf(obligation))).contains(none).doesNotContain("(art. 21)");
	}
}
