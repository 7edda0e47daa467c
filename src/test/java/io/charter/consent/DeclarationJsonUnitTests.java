package io.charter.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Versions are frozen JSON: a version published with fields the record no longer has still reads. */
class DeclarationJsonUnitTests {

	@Test
	void aVersionStoredWithTheSiteControllerFieldsStillReads() {
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		String stored = """
				{"siteKey": "wegroup-be", "version": 1, "publishedAt": "2026-11-26T10:00:00Z", "material": true,
				 "materialVersion": 1,
				 "site": {"name": "WeGroup", "origins": ["https://www.wegroup.be"], "languages": ["fr"],
				  "defaultLanguage": "fr", "consentLifetimeDays": 182, "refusalLifetimeDays": 182, "waitForUpdateMs": 500,
				  "controllerName": "WeGroup SA", "controllerNumber": "0680.957.816",
				  "controllerAddress": "Ottergemsesteenweg-Zuid 808 bus 372, Gent", "controllerEmail": "hello@wegroup.be",
				  "privacyPolicyUrl": null},
				 "categories": [], "services": [], "bannerTexts": {}, "summary": {"fr": "v1"}}""";
		Declaration d = strict.readValue(stored, Declaration.class);
		assertThat(d.site().name()).isEqualTo("WeGroup");
		assertThat(d.site().publicWebsites()).as("none before they existed").isEmpty();
		assertThat(strict.writeValueAsString(d)).doesNotContain("controller", "privacyPolicyUrl");
	}
}
