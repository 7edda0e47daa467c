package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.MovableClock;
import io.charter.devices.DeviceEvent.DeviceImported;
import io.charter.shared.Role;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;

/**
 * MDM exports as Intune (CSV) and Jamf (JSON) give them: devices upserted by serial number, facts
 * recorded as check results from source mdm; a file with bad rows answered with every row's
 * problem and nothing written, unless the valid rows alone are asked for; stale devices with a
 * moved clock. Same configuration as {@link DeviceExemptionsTests}, so the context is shared.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@Import(DeviceExemptionsTests.Exemptions.class)
@RecordApplicationEvents
class MdmImportTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	MovableClock clock;
	@Autowired
	DeviceExemptions exemptions;
	@Autowired
	List<ControlReport> reports;
	@Autowired
	ApplicationEvents events;

	Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
	String serial = "C02" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	String other = "PF" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	@BeforeEach
	void fixTheClock() {
		clock.set(now);
	}

	@AfterEach
	void reset() {
		clock.reset();
	}

	@Test
	void aFileWithBadRowsWritesNothingUnlessTheValidRowsAreAskedFor() throws Exception {
		String owner = Fixtures.uniqueEmail("owner");
		jdbc.sql("""
				insert into person (id, name, email, kind, status, language, created_at, updated_at)
				values (:id, 'Imogen Import', :email, 'EMPLOYEE', 'ACTIVE', 'en', current_timestamp, current_timestamp)""")
				.param("id", UUID.randomUUID()).param("email", owner).update();
		// Intune's device export: its own column names, yes/no, US dates.
		String csv = """
				Device name,Serial number,OS,OS version,Model,Primary user email address,Encrypted,Managed by,Last check-in
				LAPTOP-1,%s,Windows,10.0.22631,Latitude 7440,%s,Yes,Intune,12/6/2026 9:15:00 AM
				LAPTOP-2,%s,Windows,10.0.22631,Latitude 7440,nobody@example.test,perhaps,Intune,yesterday
				LAPTOP-3,,Windows,10.0.22631,Latitude 7440,,No,Intune,
				""".formatted(serial, owner, other);
		String security = "Bearer " + fixtures.tokenFor(Role.SECURITY);
		mvc.perform(post("/api/v1/devices/import").header("Authorization", security).contentType("text/csv").content(csv))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors", hasSize(3)))
				.andExpect(jsonPath("$.errors[0].line").value(3))
				.andExpect(jsonPath("$.errors[0].field").value("diskEncrypted"))
				.andExpect(jsonPath("$.errors[0].reason").value("Neither yes nor no: \"perhaps\"."))
				.andExpect(jsonPath("$.errors[1].field").value("lastSeen"))
				.andExpect(jsonPath("$.errors[2].line").value(4))
				.andExpect(jsonPath("$.errors[2].field").value("serial"));
		assertThat(devicesOf(serial)).isZero();

		mvc.perform(post("/api/v1/devices/import").param("validRowsOnly", "true").header("Authorization", security)
				.contentType("text/csv").content(csv)).andExpect(status().isOk())
				.andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.errors", hasSize(3)));
		UUID device = jdbc.sql("select id from device where serial = :s").param("s", serial).query(UUID.class).single();
		assertThat(devicesOf(other)).isZero();
		assertThat(jdbc.sql("select platform || ' ' || hostname || ' ' || source from device where id = :id")
				.param("id", device).query(String.class).single()).isEqualTo("windows LAPTOP-1 mdm");
		assertThat(jdbc.sql("select owner_id from device where id = :id").param("id", device).query(UUID.class).single())
				.isNotNull();
		// Facts absent from the export answer nothing; the ones given are results from the MDM, as of its check-in.
		assertThat(results(device)).containsExactly("disk-encryption true mdm 2026-12-06T09:15:00Z",
				"managed true mdm 2026-12-06T09:15:00Z");
		assertThat(events.stream(DeviceImported.class)).anyMatch(e -> e.deviceId().equals(device) && e.created());

		// The same serial again (lower case, later check-in, now unencrypted): the same device, one more result.
		mvc.perform(post("/api/v1/devices/import").header("Authorization", security).contentType("text/csv").content("""
				Serial number,Encrypted,Last check-in
				%s,No,2026-12-07T08:00:00Z
				""".formatted(serial.toLowerCase()))).andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
		assertThat(devicesOf(serial)).isOne();
		assertThat(results(device)).contains("disk-encryption false mdm 2026-12-07T08:00:00Z").hasSize(3);

		mvc.perform(post("/api/v1/devices/import").header("Authorization", "Bearer " + fixtures.tokenFor(Role.ADMIN))
				.contentType("text/csv").content(csv)).andExpect(status().isForbidden());
	}

	@Test
	void aJamfJsonExportMapsOntoTheChecksAndAStaleDeviceIsNotManaged() throws Exception {
		String json = """
				{"devices": [{"Computer Name": "mbp-jamf", "Serial Number": "%s", "Operating System": "macOS",
				  "Operating System Version": "14.6.1", "Model": "MacBook Pro", "FileVault 2 Status": "All Partitions Encrypted",
				  "Managed": true, "Screen lock minutes": 30, "Removable storage blocked": "yes", "Local backup": false,
				  "Last Check-in": "%s"}]}""".formatted(serial, now);
		Control before = controls().get("device-managed");
		mvc.perform(post("/api/v1/devices/import").header("Authorization", "Bearer " + fixtures.tokenFor(Role.SECURITY))
				.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk())
				.andExpect(jsonPath("$.created").value(1));
		UUID device = jdbc.sql("select id from device where serial = :s").param("s", serial).query(UUID.class).single();
		assertThat(results(device)).extracting(r -> r.substring(0, r.indexOf(" mdm"))).containsExactly(
				"disk-encryption true", "managed true", "no-local-backup true", "removable-storage-blocked true",
				"screen-lock false");
		Control managed = controls().get("device-managed");
		assertThat(managed.met() - before.met()).isOne();
		assertThat(managed.of() - before.of()).isOne();

		// Not seen for longer than charter.devices.stale-after (14 days): stale, and no longer counted as managed.
		clock.advance(Duration.ofDays(15));
		assertThat(controls().get("device-managed").met()).isZero();
		assertThat(controls().get("device-disk-encryption").met()).isPositive();
		var session = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		assertThat(Fixtures.page(mvc, session, "/devices")).contains("Stale");
	}

	/**
	 * More rows than are written together (500): every device and answer is there once; the same file
	 * again records nothing and publishes no failed check; the next day's export records an answer per
	 * device and check, and a failed check is published only where the check turned to fail.
	 */
	@Test
	void aFileLargerThanABatchIsRecordedOnceAndOnlyTurnsToFailArePublished() throws Exception {
		String prefix = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		int rows = 620;
		String security = "Bearer " + fixtures.tokenFor(Role.SECURITY);
		// Row i is unencrypted on the first day when i % 100 == 0, and on the second when i % 50 == 0.
		java.util.function.BiFunction<String, Integer, String> export = (at, every) -> {
			StringBuilder csv = new StringBuilder("Serial number,Encrypted,Managed by,Last check-in\n");
			for (int i = 1; i <= rows; i++) {
				csv.append(prefix).append(i).append(',').append(i % every == 0 ? "No" : "Yes").append(",Intune,").append(at).append('\n');
			}
			return csv.toString();
		};
		String first = export.apply("2026-12-06T09:00:00Z", 100);
		mvc.perform(post("/api/v1/devices/import").header("Authorization", security).contentType("text/csv").content(first))
				.andExpect(status().isOk()).andExpect(jsonPath("$.created").value(rows));
		assertThat(answersOf(prefix)).isEqualTo(2 * rows);
		assertThat(failedEncryption(prefix)).hasSize(6);

		events.clear();
		mvc.perform(post("/api/v1/devices/import").header("Authorization", security).contentType("text/csv").content(first))
				.andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(rows));
		assertThat(answersOf(prefix)).isEqualTo(2 * rows);
		assertThat(events.stream(DeviceEvent.CheckFailed.class)).isEmpty();
		assertThat(events.stream(DeviceImported.class).filter(e -> !e.created())).hasSize(rows);

		events.clear();
		mvc.perform(post("/api/v1/devices/import").header("Authorization", security).contentType("text/csv")
				.content(export.apply("2026-12-07T09:00:00Z", 50))).andExpect(status().isOk());
		assertThat(answersOf(prefix)).isEqualTo(4 * rows);
		// Failing on both days (100, 200, ...) is no turn; 50, 150, ... turned.
		assertThat(failedEncryption(prefix)).hasSize(6);
		assertThat(jdbc.sql("""
				select count(*) from check_latest l join device d on d.id = l.device_id
				where d.serial like :p and l.check_id = 'disk-encryption' and l.passed = false""").param("p", prefix + "%")
				.query(Integer.class).single()).isEqualTo(12);
	}

	private int answersOf(String prefix) {
		return jdbc.sql("select count(*) from check_result r join device d on d.id = r.device_id where d.serial like :p")
				.param("p", prefix + "%").query(Integer.class).single();
	}

	private List<UUID> failedEncryption(String prefix) {
		List<UUID> ids = jdbc.sql("select id from device where serial like :p").param("p", prefix + "%").query(UUID.class).list();
		return events.stream(DeviceEvent.CheckFailed.class)
				.filter(e -> e.checkId().equals("disk-encryption") && ids.contains(e.deviceId()))
				.map(DeviceEvent.CheckFailed::deviceId).toList();
	}

	@Test
	void thePageKeepsTheFileAndShowsItsProblems() throws Exception {
		var session = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		assertThat(Fixtures.page(mvc, session, "/devices/import")).contains("Import an MDM export");
		String bad = "Serial number,Encrypted\n" + serial + ",maybe\n";
		mvc.perform(post("/devices/import").session(session).with(csrf()).param("file", bad)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Neither yes nor no: \"maybe\".")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString(serial + ",maybe")));
		assertThat(devicesOf(serial)).isZero();
		mvc.perform(post("/devices/import").session(session).with(csrf()).param("file", "Serial number,Encrypted\n" + serial + ",yes\n"))
				.andExpect(redirectedUrl("/devices"));
		assertThat(devicesOf(serial)).isOne();
		var admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);
		mvc.perform(post("/devices/import").session(admin).with(csrf()).param("file", "x")).andExpect(status().isForbidden());
	}

	private int devicesOf(String serialNumber) {
		return jdbc.sql("select count(*) from device where serial = :s").param("s", serialNumber).query(Integer.class).single();
	}

	private List<String> results(UUID device) {
		return jdbc.sql("select check_id, passed, source, checked_at from check_result where device_id = :d order by checked_at, check_id")
				.param("d", device).query((rs, n) -> rs.getString("check_id") + " " + rs.getBoolean("passed") + " "
						+ rs.getString("source") + " " + rs.getObject("checked_at", java.time.OffsetDateTime.class).toInstant())
				.list();
	}

	private Map<String, Control> controls() {
		return DeviceExemptionsTests.deviceControls(reports, exemptions.today());
	}
}
