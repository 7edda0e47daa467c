package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassificationUnitTests {

	final Classification.Classifier classifier = new Classification.Classifier(
			ScanFixtures.declaration(List.of("https://www.example.be"), ScanFixtures.cookie("_ga", 730),
					ScanFixtures.cookie("_ga_*", 730)),
			OpenCookieDatabase.shipped());

	@Test
	void theSitesCatalogueComesFirst() {
		Classification ga = classifier.of("_ga");
		assertThat(ga.source()).isEqualTo("catalogue");
		assertThat(ga.category()).isEqualTo("analytics");
		assertThat(ga.declared().name()).isEqualTo("_ga");
		assertThat(classifier.of("session_id").necessary()).isTrue();
	}

	@Test
	void aPatternOfTheCatalogueCoversTheNamesStartingWithIt() {
		assertThat(classifier.of("_ga_ABC123").declared().name()).isEqualTo("_ga_*");
	}

	@Test
	void anUndeclaredCookieIsLookedUpInTheOpenCookieDatabase() {
		Classification fbp = classifier.of("_fbp");
		assertThat(fbp.source()).isEqualTo("open-cookie-database");
		assertThat(fbp.category()).isEqualTo("marketing");
		assertThat(fbp.necessary()).isFalse();
		assertThat(fbp.declared()).isNull();
		assertThat(fbp.purpose()).isNotBlank();
	}

	@Test
	void theDatabasesWildcardsMatchByPrefix() {
		// "CookieConsentBulkSetting-" is a wildcard entry of the database (Cookiebot, functional).
		Classification bulk = classifier.of("CookieConsentBulkSetting-42");
		assertThat(bulk.source()).isEqualTo("open-cookie-database");
		assertThat(bulk.platform()).isEqualTo("Cookiebot");
		assertThat(bulk.necessary()).isTrue();
	}

	@Test
	void whatNeitherKnowsIsUnknownAndNeverNecessary() {
		Classification unknown = classifier.of("zz_made_up_cookie");
		assertThat(unknown.source()).isEqualTo("unknown");
		assertThat(unknown.category()).isEqualTo("unknown");
		assertThat(unknown.necessary()).isFalse();
	}

	@Test
	void theShippedDatabaseIsReadWhole() {
		assertThat(OpenCookieDatabase.shipped().size()).isGreaterThan(2000);
	}
}
