package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseUrlUnitTests {

	@ParameterizedTest
	@CsvSource({ "https://charter.example.org, https://charter.example.org/setup",
			"https://charter.example.org/, https://charter.example.org/setup",
			"https://example.org/charter/, https://example.org/charter/setup" })
	void linksAPathWithoutDoublingTheSlash(String setting, String link) {
		assertThat(new BaseUrl(setting).to("/setup")).isEqualTo(link);
	}
}
