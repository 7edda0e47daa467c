package io.charter.devices.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * MDM exports read with the column names and values their vendors document:
 * <ul>
 * <li>Intune: "Intune reports and properties available using Graph API", report DevicesWithInventory
 * (learn.microsoft.com/intune/device-management/reports/ref-graph-available-reports), the columns
 * the admin center's Devices &gt; All devices &gt; Export gives: "Serial number", "Primary user email
 * address", "Encrypted", "Managed by", "Device state" (ManagementState), "Last check-in"; the states
 * are those of Graph's managedDevice.managementState.</li>
 * <li>Google: Cloud Identity API, Device resource (cloud.google.com/identity/docs/reference/rest/v1/devices):
 * serialNumber, encryptionState, managementState APPROVED, BLOCKED, PENDING, UNPROVISIONED, WIPING, WIPED.</li>
 * </ul>
 */
class MdmFileUnitTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void intunesDeviceStateDecidesOverManagedByAndAStateThatDoesNotSayIsNoFact() {
		MdmFile.Read read = MdmFile.read("""
				Device ID,Device name,Serial number,OS,OS version,Primary user email address,Encrypted,Managed by,Device state,Last check-in
				1,PC-1,S-1,Windows,10.0.22631,a@example.test,Yes,Intune,Managed,12/6/2026 9:15:00 AM
				2,PC-2,S-2,Windows,10.0.22631,b@example.test,Yes,Intune,Retire pending,12/6/2026 9:15:00 AM
				3,PC-3,S-3,Windows,10.0.22631,c@example.test,No,Intune,Wipe failed,12/6/2026 9:15:00 AM
				4,PC-4,S-4,Windows,10.0.22631,d@example.test,No,Intune,,12/6/2026 9:15:00 AM
				5,PC-5,S-5,Windows,10.0.22631,e@example.test,No,Intune,Sideways,12/6/2026 9:15:00 AM
				""".getBytes(StandardCharsets.UTF_8), JSON);
		assertThat(read.rows()).extracting(f -> f.serial() + " " + f.managed() + " " + f.diskEncrypted())
				.containsExactly("S-1 true true", "S-2 false true", "S-3 null false", "S-4 true false");
		assertThat(read.problems()).singleElement()
				.satisfies(p -> assertThat(p.line() + " " + p.field() + " " + p.value()).isEqualTo("6 managed Sideways"));
	}

	@Test
	void googlesManagementStateApprovedIsManagedAndBlockedIsNot() {
		MdmFile.Read read = MdmFile.read("""
				{"devices": [
				 {"serialNumber": "G-1", "managementState": "APPROVED", "encryptionState": "ENCRYPTED", "lastSyncTime": "2026-12-06T09:15:00Z"},
				 {"serialNumber": "G-2", "managementState": "BLOCKED", "encryptionState": "NOT_ENCRYPTED"},
				 {"serialNumber": "G-3", "managementState": "PENDING"},
				 {"serialNumber": "G-4", "managementState": "UNPROVISIONED"},
				 {"serialNumber": "G-5", "managementState": "WIPED"},
				 {"serialNumber": "G-6", "managementState": "MANAGEMENT_STATE_UNSPECIFIED"},
				 {"serialNumber": "G-7", "managementState": "PENDING_APPROVAL"}
				]}""".getBytes(StandardCharsets.UTF_8), JSON);
		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).extracting(f -> f.serial() + " " + f.managed())
				.containsExactly("G-1 true", "G-2 false", "G-3 false", "G-4 false", "G-5 false", "G-6 null", "G-7 false");
		assertThat(read.rows().get(1).diskEncrypted()).isFalse();
	}

	@Test
	void mdmExportsNamesOfGoogleAndJamfAreRead() {
		JsonMapper json = JsonMapper.builder().build();
		MdmFile.Read google = MdmFile.read("""
				[{"serialNumber": "G1", "encryptionState": "NOT_ENCRYPTED", "lastSyncTime": "2026-12-01T10:00:00Z"}]"""
				.getBytes(java.nio.charset.StandardCharsets.UTF_8), json);
		assertThat(google.problems()).isEmpty();
		assertThat(google.rows().get(0).diskEncrypted()).isFalse();
		assertThat(google.rows().get(0).lastSeen()).isEqualTo(java.time.Instant.parse("2026-12-01T10:00:00Z"));
		MdmFile.Read jamf = MdmFile.read("Serial Number,Computer Management Status\nJ1,Managed\n"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8), json);
		assertThat(jamf.rows().get(0).managed()).isTrue();
	}
}
