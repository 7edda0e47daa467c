package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.charter.platform.Utc;
import io.charter.shared.control.EvidenceRows;

import io.charter.DeviceRows;

/** A posture check's evidence package rows: per device, its answers within the period only. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class DeviceEvidenceTests {

	@Autowired
	DeviceControls controls;
	@Autowired
	JdbcClient jdbc;

	@Test
	void eachDeviceCountsItsAnswersWithinThePeriodAndWhenItLastPassed() {
		UUID device = DeviceRows.enrolled(jdbc, null, "evidence-" + UUID.randomUUID());
		jdbc.sql("update device set serial = :serial, revoked_at = current_timestamp where id = :id")
				.param("serial", "SN-" + device).param("id", device).update();
		DeviceRows.answered(jdbc, device, "screen-lock", true, Instant.parse("2019-03-01T09:00:00Z"));
		DeviceRows.answered(jdbc, device, "screen-lock", false, Instant.parse("2019-03-02T09:00:00Z"));
		DeviceRows.answered(jdbc, device, "screen-lock", true, Instant.parse("2019-03-03T09:00:00Z"));
		DeviceRows.answered(jdbc, device, "screen-lock", true, Instant.parse("2019-05-01T09:00:00Z"));

		EvidenceRows rows = controls.evidence("device-screen-lock", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31))
				.orElseThrow();

		assertThat(rows.header()).containsExactly("device_id", "serial", "answers", "passed", "failed", "unknown",
				"first_answer_at", "last_answer_at", "last_passed_at");
		assertThat(rows.rows()).filteredOn(r -> r.get(0).equals(device.toString())).containsExactly(
				java.util.List.of(device.toString(), "SN-" + device, "3", "2", "1", "0", "2019-03-01T09:00:00Z",
						"2019-03-03T09:00:00Z", "2019-03-03T09:00:00Z"));
		assertThat(controls.evidence("device-unknown-check", LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31)))
				.isEmpty();
	}

	@Autowired
	Checks checks;

	/** The latest answer is the one of the latest time, whatever order the answers arrive in (an MDM export can be older). */
	@Test
	void anOlderAnswerArrivingLaterDoesNotReplaceTheLatest() {
		UUID device = io.charter.DeviceRows.enrolled(jdbc, null, "latest-" + UUID.randomUUID());
		java.time.Instant now = java.time.Instant.now();
		checks.answer(device, "disk-encryption", 1, true, now, "osquery");
		checks.answer(device, "disk-encryption", 1, false, now.minusSeconds(3600), "mdm");
		assertThat(checks.last(device, "disk-encryption")).contains(java.util.Optional.of(true));
		assertThat(checks.states(device)).filteredOn(c -> c.checkId().equals("disk-encryption"))
				.singleElement().satisfies(c -> assertThat(c.outcome()).isEqualTo("pass"));
		assertThat(LatestAnswer.all(jdbc)).filteredOn(l -> l.device().equals(device) && l.check().equals("disk-encryption"))
				.singleElement().satisfies(l -> assertThat(l.passed()).isTrue());
		// A later failure does replace it.
		checks.answer(device, "disk-encryption", 1, false, now.plusSeconds(60), "osquery");
		assertThat(checks.last(device, "disk-encryption")).contains(java.util.Optional.of(false));
	}
}
