package io.charter.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Outcome;

/** Every text the sample module gives a requester exists in its bundle in en, fr and nl. */
class SampleRecordsUnitTests {

	@Test
	void everyOutcomeTextIsInTheModulesBundleInEveryLanguage() throws Exception {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename("i18n/sample");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		SampleRecords sample = new SampleRecords();
		DataSubject subject = new DataSubject(java.util.UUID.randomUUID(), "sam@example.test", null, "fr");
		Outcome restricted = sample.restrict(subject);
		assertThat(restricted.letter().key()).isEqualTo("sample.tests-only");
		assertThat(bundle.getMessage(restricted.letter().key(), restricted.letter().arguments().toArray(), Locale.FRENCH))
				.isEqualTo("ce module ne conserve des notes que pour les tests.");
		// Each language's own file, so that a missing French text does not hide behind the English one.
		for (String file : new String[] { "sample", "sample_fr", "sample_nl" }) {
			Properties texts = new Properties();
			try (var in = getClass().getResourceAsStream("/i18n/" + file + ".properties")) {
				texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(texts).containsKeys("sample.note-deleted", "sample.tests-only");
		}
	}
}
