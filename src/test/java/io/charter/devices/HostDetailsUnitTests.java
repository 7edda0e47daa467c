package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** osquery's host details to a device's columns, and its platform to the family the checks name. */
class HostDetailsUnitTests {

	@Test
	void everyPlatformButDarwinAndWindowsIsALinux() {
		assertThat(HostDetails.family("darwin")).isEqualTo("darwin");
		assertThat(HostDetails.family("Windows")).isEqualTo("windows");
		assertThat(HostDetails.family("ubuntu")).isEqualTo("linux");
		assertThat(HostDetails.family("rhel")).isEqualTo("linux");
		assertThat(HostDetails.family(" ")).isNull();
	}

	@Test
	void cutsValuesToTheColumnsAndLeavesMissingOnesEmpty() {
		HostDetails host = HostDetails.of(JsonMapper.builder().build().readTree("""
				{"system_info": {"hostname": "%s", "hardware_serial": "  "}, "os_version": {"platform": "debian"}}"""
				.formatted("h".repeat(300))));
		assertThat(host.hostname()).hasSize(255);
		assertThat(host.serial()).isNull();
		assertThat(host.platform()).isEqualTo("linux");
		assertThat(host.osqueryVersion()).isNull();
	}
}
