package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code charter.web.time-zone}: Brussels unless set, any zone id when set, a wrong one stops the start. */
class WebSettingsUnitTests {

	static WebSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("charter.web", WebSettings.class);
	}

	@Test
	void theOrganisationIsInBrusselsUnlessToldOtherwise() {
		assertThat(bind(Map.of()).timeZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
		assertThat(bind(Map.of("charter.web.time-zone", "Europe/Luxembourg")).timeZone())
				.isEqualTo(ZoneId.of("Europe/Luxembourg"));
	}

	@Test
	void refusesAZoneThatDoesNotExist() {
		assertThatExceptionOfType(BindException.class)
				.isThrownBy(() -> bind(Map.of("charter.web.time-zone", "Europe/Atlantis")));
	}
}
