package io.charter.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class EntityLinkUnitTests {

	@Test
	void anIdIsOneEncodedSegmentSoItCannotChangeThePathsShape() {
		EntityLink site = new EntityLink("consent-site", "/consent/{id}");
		assertThat(site.pathTo("shop")).isEqualTo("/consent/shop");
		assertThat(site.pathTo("../admin/users?x=1#y")).isEqualTo("/consent/..%2Fadmin%2Fusers%3Fx%3D1%23y");
		assertThat(new EntityLink("organisation", "/organisation").pathTo("profile")).isEqualTo("/organisation");
	}

	@Test
	void aLinkLeadsOnlyToAPathOfCharter() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new EntityLink("user", "https://elsewhere.example/{id}"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new EntityLink("user", "//elsewhere/{id}"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new EntityLink(" ", "/users"));
	}
}
