package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.charter.Fixtures;
import io.charter.devices.DeviceEvent.CheckFailed;
import io.charter.devices.DeviceEvent.DeviceEnrolled;
import io.charter.platform.Secrets;
import io.charter.shared.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * osquery's TLS remote API replayed with bodies shaped as osqueryd sends them (its tls enroll,
 * config, logger and distributed plugins): enrolment, configuration, checks sent and answered,
 * node keys refused, gzip and oversized bodies; and who reaches the secrets and devices.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class OsqueryApiTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JsonMapper json;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationEvents events;
	@Autowired
	DevicesHolder holder;
	@Autowired
	DevicesAttention attention;

	String host = "host-" + UUID.randomUUID();

	@Test
	void enrollsReadsTheChecksAndRecordsTheirResults() throws Exception {
		String secret = createSecret("macOS laptops");
		String nodeKey = enroll(secret, host, "darwin");
		assertThat(Secrets.wellFormed(nodeKey)).isTrue();
		// Only the node key's hash is stored.
		assertThat(jdbc.sql("select count(*) from device where node_key_hash = :h").param("h", Secrets.hash(nodeKey))
				.query(Integer.class).single()).isOne();
		assertThat(events.stream(DeviceEnrolled.class)).anyMatch(e -> e.hostIdentifier().equals(host));

		osquery("/osquery/config", "{\"node_key\":\"" + nodeKey + "\"}").andExpect(jsonPath("$.schedule").isMap())
				.andExpect(jsonPath("$.node_invalid").doesNotExist());

		JsonNode read = body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}"));
		JsonNode queries = read.path("queries");
		// Each check's name carries the version sent (another test changes checks: any version here).
		assertThat(queries.propertyNames().stream().map(n -> n.replaceFirst("@\\d+$", ""))).containsExactly(
				"charter-check:screen-lock", "charter-check:disk-encryption", "charter-check:managed",
				"charter-check:removable-storage-blocked", "charter-check:no-local-backup",
				"charter-user:logged_in_users", "charter-software:apps");
		assertThat(queries.properties().stream().filter(q -> q.getKey().startsWith("charter-check:screen-lock@"))
				.findFirst().orElseThrow().getValue().asString()).contains("managed_policies", "idleTime");
		// Asked again within the check interval: nothing to run.
		osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")
				.andExpect(jsonPath("$.queries", anEmptyMap()));

		// As osqueryd writes: rows per query, a status per query (0 ran), messages for failures.
		osquery("/osquery/distributed/write", """
				{"node_key": "%s",
				 "queries": {"charter-check:screen-lock": [{"1": "1"}], "charter-check:disk-encryption": [],
				             "charter-check:managed": [], "not-a-check": [{"x": "y"}]},
				 "statuses": {"charter-check:screen-lock": 0, "charter-check:disk-encryption": 0,
				              "charter-check:managed": 1, "not-a-check": 0},
				 "messages": {"charter-check:managed": "no such table: mdm"}}""".formatted(nodeKey))
				.andExpect(jsonPath("$.node_invalid").value(false));

		UUID device = deviceId(host);
		assertThat(outcomes(device)).containsExactly("screen-lock pass", "disk-encryption fail", "managed unknown",
				"removable-storage-blocked unknown", "no-local-backup unknown");
		assertThat(events.stream(CheckFailed.class)).singleElement()
				.satisfies(e -> assertThat(e.checkId()).isEqualTo("disk-encryption"));

		// After the interval, the checks are sent again; a second failure of the same check is not a new event.
		jdbc.sql("update device set checks_sent_at = checks_sent_at - interval '2' hour where id = :id").param("id", device)
				.update();
		osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")
				.andExpect(jsonPath("$.queries", not(anEmptyMap())));
		osquery("/osquery/distributed/write", """
				{"node_key": "%s", "queries": {"charter-check:disk-encryption": []},
				 "statuses": {"charter-check:disk-encryption": 0}}""".formatted(nodeKey));
		assertThat(events.stream(CheckFailed.class)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from check_result where device_id = :id and check_id = 'disk-encryption'")
				.param("id", device).query(Integer.class).single()).isEqualTo(2);

		// The device's page shows each check's result.
		String page = Fixtures.page(mvc, signedIn(Role.AUDITOR), "/devices/" + device);
		assertThat(page).contains("MacBook Pro", "C02XK0QWJG5J", "Passes", "Fails", "Unknown");
	}

	@Test
	void takesTheNodeKeyFromTheAuthorizationHeaderAndGzipBodies() throws Exception {
		String nodeKey = enroll(createSecret("Linux"), host, "ubuntu");
		// A batch of result logs, compressed as with --logger_tls_compress, the key in the header.
		byte[] logs = gzip("""
				{"log_type": "result", "data": [
				  {"name": "pack_charter_usb", "hostIdentifier": "%s", "calendarTime": "Mon Dec  7 10:00:00 2026 UTC",
				   "unixTime": 1796637600, "epoch": 0, "counter": 0, "numerics": false,
				   "columns": {"name": "usb_storage"}, "action": "added"}]}""".formatted(host));
		mvc.perform(post("/osquery/log").contentType(MediaType.APPLICATION_JSON).header("Content-Encoding", "gzip")
				.header("Authorization", "NodeKey " + nodeKey).content(logs))
				.andExpect(status().isOk()).andExpect(jsonPath("$.node_invalid").value(false));
		osquery("/osquery/log", """
				{"node_key": "%s", "log_type": "status", "data": [{"severity": "0", "filename": "init.cpp", "line": "1",
				 "message": "osquery initialized", "version": "5.12.1"}]}""".formatted(nodeKey))
				.andExpect(jsonPath("$.node_invalid").value(false));
		// Linux has no query for no-local-backup: not sent.
		assertThat(body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")).path("queries")
				.propertyNames()).anyMatch(n -> n.startsWith("charter-check:managed@"))
				.noneMatch(n -> n.startsWith("charter-check:no-local-backup"));
	}

	@Test
	void refusesWrongSecretsAndUnknownOrRevokedNodeKeys() throws Exception {
		osquery("/osquery/enroll", enrollBody("not-the-secret", host, "darwin"))
				.andExpect(content().json("{\"node_invalid\": true}"))
				.andExpect(jsonPath("$.node_key").doesNotExist());
		for (String path : List.of("/osquery/config", "/osquery/distributed/read")) {
			osquery(path, "{\"node_key\":\"" + Secrets.generate() + "\"}").andExpect(content().json("{\"node_invalid\": true}"));
		}
		osquery("/osquery/config", "{}").andExpect(content().json("{\"node_invalid\": true}"));

		// A revoked secret enrolls nobody; devices enrolled with it keep their node key.
		String admin = "Bearer " + fixtures.tokenFor(Role.SECURITY);
		JsonNode created = body(mvc.perform(post("/api/v1/devices/enroll-secrets").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"to revoke\"}")));
		String secret = created.path("value").asString();
		String nodeKey = enroll(secret, host, "windows");
		mvc.perform(delete("/api/v1/devices/enroll-secrets/" + created.path("secret").path("id").asString())
				.header("Authorization", admin)).andExpect(status().isNoContent());
		osquery("/osquery/enroll", enrollBody(secret, "other-" + host, "windows"))
				.andExpect(content().json("{\"node_invalid\": true}"));
		osquery("/osquery/config", "{\"node_key\":\"" + nodeKey + "\"}").andExpect(jsonPath("$.node_invalid").doesNotExist());

		// A revoked device's key is refused, and osquery enrolls again (with a valid secret) under a new key.
		UUID device = deviceId(host);
		jdbc.sql("update device set revoked_at = current_timestamp where id = :id").param("id", device).update();
		osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")
				.andExpect(content().json("{\"node_invalid\": true}"));
		String again = enroll(createSecret("re-enrol"), host, "windows");
		assertThat(again).isNotEqualTo(nodeKey);
		assertThat(deviceId(host)).isEqualTo(device);
		osquery("/osquery/distributed/read", "{\"node_key\":\"" + again + "\"}").andExpect(jsonPath("$.node_invalid").value(false));
	}

	@Test
	void refusesOversizedBadAndBombBodies() throws Exception {
		byte[] large = ("{\"node_key\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		mvc.perform(post("/osquery/log").contentType(MediaType.APPLICATION_JSON).content(large))
				.andExpect(status().isContentTooLarge())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// Small as sent, far larger inflated.
		byte[] bomb = gzip("{\"data\": \"" + "0".repeat(20 * 1024 * 1024) + "\"}");
		assertThat(bomb.length).isLessThan(1024 * 1024);
		mvc.perform(post("/osquery/log").contentType(MediaType.APPLICATION_JSON).header("Content-Encoding", "gzip")
				.content(bomb)).andExpect(status().isContentTooLarge());
		osquery400("{not json");
		mvc.perform(post("/osquery/config").contentType(MediaType.APPLICATION_JSON).header("Content-Encoding", "gzip")
				.content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post("/osquery/log").contentType(MediaType.APPLICATION_JSON).content("{\"log_type\": \"other\"}"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void securityManagesSecretsAuditorReadsOthersAreRefused() throws Exception {
		String security = "Bearer " + fixtures.tokenFor(Role.SECURITY);
		JsonNode created = body(mvc.perform(post("/api/v1/devices/enroll-secrets").header("Authorization", security)
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Windows\"}"))
				.andExpect(status().isCreated()).andExpect(header().string("Cache-Control", "no-store")));
		String id = created.path("secret").path("id").asString();
		// Listed without the value.
		mvc.perform(get("/api/v1/devices/enroll-secrets").header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR)))
				.andExpect(status().isOk()).andExpect(content().string(containsString(id)))
				.andExpect(content().string(not(containsString(created.path("value").asString()))));
		JsonNode rotated = body(mvc.perform(post("/api/v1/devices/enroll-secrets/" + id + "/rotate")
				.header("Authorization", security)).andExpect(status().isOk()));
		assertThat(rotated.path("value").asString()).isNotEqualTo(created.path("value").asString());
		enroll(rotated.path("value").asString(), host, "windows");
		osquery("/osquery/enroll", enrollBody(created.path("value").asString(), "x-" + host, "windows"))
				.andExpect(content().json("{\"node_invalid\": true}"));

		mvc.perform(post("/api/v1/devices/enroll-secrets").header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"no\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/devices/enroll-secrets").header("Authorization", "Bearer " + fixtures.tokenFor(Role.ADMIN)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/devices").header("Authorization", "Bearer " + fixtures.tokenFor(Role.ADMIN)))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/devices").header("Authorization", "Bearer " + fixtures.tokenFor(Role.PRIVACY)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/devices").session(signedIn(Role.EMPLOYEE))).andExpect(status().isForbidden());
	}

	@Test
	void securityAssignsAnOwnerFromTheDirectory() throws Exception {
		enroll(createSecret("owners"), host, "darwin");
		UUID device = deviceId(host);
		var session = signedIn(Role.SECURITY);
		mvc.perform(post("/devices/" + device + "/owner").session(session).param("owner", "nobody@example.test")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("nobody@example.test")))
				.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		String email = Fixtures.uniqueEmail("owner");
		jdbc.sql("""
				insert into person (id, name, email, kind, status, language, created_at, updated_at)
				values (:id, 'Olivia Owner', :email, 'EMPLOYEE', 'ACTIVE', 'en', current_timestamp, current_timestamp)""")
				.param("id", UUID.randomUUID()).param("email", email).update();
		mvc.perform(post("/devices/" + device + "/owner").session(session).param("owner", email.toUpperCase())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(Fixtures.page(mvc, session, "/devices")).contains("Olivia Owner");
		assertThat(events.stream(DeviceEvent.DeviceOwnerSet.class)).anyMatch(e -> e.deviceId().equals(device));
	}

	@Test
	void theOwnerIsThePersonLoggedInUnlessSeveralMatchOrSecuritySetItByHand() throws Exception {
		String local = "lena" + UUID.randomUUID().toString().substring(0, 8);
		UUID lena = person(local + "@example.test", "Lena Login");
		String nodeKey = enroll(createSecret("logged in"), host, "darwin");
		UUID device = deviceId(host);
		assertThat(body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")).path("queries")
				.path("charter-user:logged_in_users").asString()).contains("FROM logged_in_users");
		// As osqueryd sends it: a terminal session of root and the console's user.
		String loggedIn = """
				{"node_key": "%s",
				 "queries": {"charter-user:logged_in_users": [
				   {"user": "root", "type": "user", "tty": "ttys000"},
				   {"user": "%s", "type": "user", "tty": "console"}]},
				 "statuses": {"charter-user:logged_in_users": 0}, "messages": {}}""";
		osquery("/osquery/distributed/write", loggedIn.formatted(nodeKey, local.toUpperCase()))
				.andExpect(jsonPath("$.node_invalid").value(false));
		assertThat(owner(device)).isEqualTo(lena + " osquery");
		assertThat(events.stream(DeviceEvent.DeviceOwnerSet.class)).anyMatch(e -> e.deviceId().equals(device)
				&& lena.equals(e.ownerId()));

		// Two people have the user name before the @: nobody is guessed, SECURITY sees both.
		String shared = "sam" + UUID.randomUUID().toString().substring(0, 8);
		person(shared + "@example.test", "Sam First");
		person(shared + "@other.test", "Sam Second");
		String other = "host-" + UUID.randomUUID();
		String otherKey = enroll(createSecret("shared"), other, "windows");
		UUID otherDevice = deviceId(other);
		osquery("/osquery/distributed/write", """
				{"node_key": "%s",
				 "queries": {"charter-user:logged_in_users": [{"user": "CORP\\\\%s", "type": "active", "tty": "console"}]},
				 "statuses": {"charter-user:logged_in_users": 0}}""".formatted(otherKey, shared));
		assertThat(owner(otherDevice)).isEqualTo("null null");
		var security = signedIn(Role.SECURITY);
		assertThat(Fixtures.page(mvc, security, "/devices/" + otherDevice)).contains("Sam First (" + shared
				+ "@example.test)", "Sam Second (" + shared + "@other.test)");

		// SECURITY sets the first device's owner by hand: osquery reporting Lena again changes nothing.
		String email = Fixtures.uniqueEmail("manual");
		UUID manual = person(email, "Manny Manual");
		mvc.perform(post("/devices/" + device + "/owner").session(security).param("owner", email).with(csrf()))
				.andExpect(status().is3xxRedirection());
		osquery("/osquery/distributed/write", loggedIn.formatted(nodeKey, local));
		assertThat(owner(device)).isEqualTo(manual + " manual");
		assertThat(Fixtures.page(mvc, security, "/devices/" + device)).contains(local);
	}

	@Test
	void securityPutsANewVersionOfACheckThroughTheApiWithItsTitles() throws Exception {
		JsonNode before = body(mvc.perform(get("/api/v1/devices/checks/no-local-backup")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR))).andExpect(status().isOk())).get(0);
		String put = """
				{"clause": "S7", "enabled": true,
				 "queries": {"darwin": %s, "windows": %s},
				 "title": {"en": "No Time Machine nor File History", "fr": "Ni Time Machine ni historique des fichiers"},
				 "fix": {"nl": "Zet Time Machine uit."}}""".formatted(json.writeValueAsString(before.path("queryDarwin").asString()),
				json.writeValueAsString(before.path("queryWindows").asString()));
		String security = "Bearer " + fixtures.tokenFor(Role.SECURITY);
		mvc.perform(put("/api/v1/devices/checks/no-local-backup").header("Authorization", "Bearer " + fixtures.tokenFor(Role.AUDITOR))
				.contentType(MediaType.APPLICATION_JSON).content(put)).andExpect(status().isForbidden());
		// Wrong fields: every one reported, nothing written.
		mvc.perform(put("/api/v1/devices/checks/no-local-backup").header("Authorization", security)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"clause\": \"S9\", \"queries\": {\"beos\": \"SELECT 1\"}, \"title\": {\"de\": \"x\", \"en\": \"%s\"}}"
						.formatted("t".repeat(201))))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("queries.beos", "queries",
						"clause", "titleEn", "language.de")));
		JsonNode now = body(mvc.perform(put("/api/v1/devices/checks/no-local-backup").header("Authorization", security)
				.contentType(MediaType.APPLICATION_JSON).content(put)).andExpect(status().isOk()));
		assertThat(now.path("version").asInt()).isEqualTo(before.path("version").asInt() + 1);
		assertThat(now.path("titleFr").asString()).isEqualTo("Ni Time Machine ni historique des fichiers");
		assertThat(now.path("queryLinux").isNull()).isTrue();
		JsonNode versions = body(mvc.perform(get("/api/v1/devices/checks/no-local-backup").header("Authorization", security)));
		assertThat(versions.get(1).path("version").asInt()).isEqualTo(before.path("version").asInt());
		assertThat(versions.get(1).path("titleEn").isNull()).isTrue();
		assertThat(Fixtures.page(mvc, signedIn(Role.SECURITY), "/devices/checks")).contains("No Time Machine nor File History");
		// A device's page names the check by SECURITY's title.
		String nodeKey = enroll(createSecret("titles"), host, "darwin");
		osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}");
		osquery("/osquery/distributed/write", """
				{"node_key": "%s", "queries": {"charter-check:no-local-backup": [{"ok": "1"}]},
				 "statuses": {"charter-check:no-local-backup": 0}}""".formatted(nodeKey));
		assertThat(Fixtures.page(mvc, signedIn(Role.AUDITOR), "/devices/" + deviceId(host)))
				.contains("No Time Machine nor File History");
	}

	private String owner(UUID device) {
		return jdbc.sql("select owner_id, owner_source from device where id = :d").param("d", device)
				.query((rs, n) -> rs.getObject("owner_id") + " " + rs.getString("owner_source")).single();
	}

	@Test
	void asksTheInstalledSoftwareAtItsIntervalAndKeepsWhenEachItemWasFirstSeen() throws Exception {
		String nodeKey = enroll(createSecret("software"), host, "darwin");
		JsonNode queries = body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")).path("queries");
		assertThat(queries.path("charter-software:apps").asString()).contains("FROM apps");
		// Within the software interval, not asked again (the checks' interval is shorter, and not due either).
		osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}").andExpect(jsonPath("$.queries", anEmptyMap()));

		osquery("/osquery/distributed/write", """
				{"node_key": "%s",
				 "queries": {"charter-software:apps": [
				   {"name": "Safari.app", "version": "17.6", "publisher": "com.apple.Safari"},
				   {"name": "Slack.app", "version": "4.39", "publisher": "com.tinyspeck.slackmacgap"},
				   {"name": "Wireshark.app", "version": "4.2", "publisher": "org.wireshark.Wireshark"}]},
				 "statuses": {"charter-software:apps": 0}}""".formatted(nodeKey));
		UUID device = deviceId(host);
		jdbc.sql("update device_software set first_seen_at = first_seen_at - interval '3' day where device_id = :id")
				.param("id", device).update();

		// A day later the software is asked again; the answer replaces the list, keeping first-seen.
		jdbc.sql("update device set software_sent_at = software_sent_at - interval '25' hour where id = :id")
				.param("id", device).update();
		assertThat(body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")).path("queries")
				.propertyNames()).containsExactly("charter-software:apps");
		osquery("/osquery/distributed/write", """
				{"node_key": "%s",
				 "queries": {"charter-software:apps": [
				   {"name": "Safari.app", "version": "17.6", "publisher": "com.apple.Safari"},
				   {"name": "Slack.app", "version": "4.39", "publisher": "com.tinyspeck.slackmacgap"},
				   {"name": "Zoom.us.app", "version": "6.1", "publisher": "us.zoom.xos"}]},
				 "statuses": {"charter-software:apps": 0}}""".formatted(nodeKey));
		assertThat(jdbc.sql("""
				select name || ' ' || case when first_seen_at < last_seen_at - interval '1' day then 'old' else 'new' end
				from device_software where device_id = :id order by name""").param("id", device).query(String.class).list())
				.containsExactly("Safari.app old", "Slack.app old", "Zoom.us.app new");

		// A failed inventory query (status not 0) leaves the list as it was.
		osquery("/osquery/distributed/write", """
				{"node_key": "%s", "queries": {"charter-software:apps": []}, "statuses": {"charter-software:apps": 1},
				 "messages": {"charter-software:apps": "no such table: apps"}}""".formatted(nodeKey));
		assertThat(jdbc.sql("select count(*) from device_software where device_id = :id").param("id", device)
				.query(Integer.class).single()).isEqualTo(3);

		// Safari is Apple's (seeded); Slack and Zoom are findings, on the device's page and in the fleet report.
		var security = signedIn(Role.SECURITY);
		assertThat(Fixtures.page(mvc, security, "/devices/" + device)).contains("Slack.app", "Not approved",
				"3 items, 2 unapproved");
		String report = Fixtures.page(mvc, security, "/devices/software");
		assertThat(report).contains("Zoom.us.app").doesNotContain("Safari.app");

		// One click approves Slack on macOS; removing the entry needs confirming.
		mvc.perform(post("/devices/software/approve").session(security).param("name", "Slack.app").param("platform", "darwin")
				.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(Fixtures.page(mvc, security, "/devices/" + device)).contains("3 items, 1 unapproved");
		UUID entry = jdbc.sql("select id from approved_software where pattern = 'Slack.app'").query(UUID.class).single();
		assertThat(events.stream(DeviceEvent.SoftwareApproved.class)).anyMatch(e -> e.approvalId().equals(entry));
		mvc.perform(post("/devices/software/" + entry + "/remove").session(security).with(csrf()))
				.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/devices/software/" + entry + "/remove"));
		assertThat(Fixtures.page(mvc, security, "/devices/software/" + entry + "/remove")).contains("Slack.app");
		mvc.perform(post("/devices/software/" + entry + "/remove").session(security).param("confirmed", "yes").with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(Fixtures.page(mvc, security, "/devices/" + device)).contains("3 items, 2 unapproved");
		// ADMIN reads the report but does not approve.
		var admin = signedIn(Role.ADMIN);
		assertThat(Fixtures.page(mvc, admin, "/devices/software")).contains("Slack.app");
		mvc.perform(post("/devices/software/approve").session(admin).param("name", "Slack.app").with(csrf()))
				.andExpect(status().isForbidden());
	}

	@Test
	void linuxAsksBothPackageTablesAndTheUnionIsTheList() throws Exception {
		String nodeKey = enroll(createSecret("linux software"), host, "ubuntu");
		JsonNode queries = body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")).path("queries");
		assertThat(queries.propertyNames()).contains("charter-software:deb_packages", "charter-software:rpm_packages");
		osquery("/osquery/distributed/write", """
				{"node_key": "%s",
				 "queries": {"charter-software:deb_packages": [
				   {"name": "bash", "version": "5.2.21-2ubuntu4", "publisher": "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>"},
				   {"name": "osquery", "version": "5.12.1-1.linux", "publisher": "osquery"},
				   {"name": "nmap", "version": "7.94", "publisher": "Someone <x@example.org>"}],
				   "charter-software:rpm_packages": []},
				 "statuses": {"charter-software:deb_packages": 0, "charter-software:rpm_packages": 0}}""".formatted(nodeKey));
		UUID device = deviceId(host);
		assertThat(Fixtures.page(mvc, signedIn(Role.AUDITOR), "/devices/" + device)).contains("nmap", "3 items, 1 unapproved");
	}

	@Test
	void anEmployeeAsksForSoftwareAndSecurityRefusesThenApproves() throws Exception {
		var employee = fixtures.user(Role.EMPLOYEE);
		UUID person = person(employee.email(), "Erin Employee");
		String nodeKey = enroll(createSecret("mine"), host, "windows");
		UUID device = deviceId(host);
		jdbc.sql("update device set owner_id = :p where id = :d").param("p", person).param("d", device).update();
		osquery("/osquery/distributed/write", """
				{"node_key": "%s",
				 "queries": {"charter-software:programs": [
				   {"name": "Microsoft Edge", "version": "131.0", "publisher": "Microsoft Corporation"},
				   {"name": "Notepad++ (64-bit x64)", "version": "8.6", "publisher": "Notepad++ Team"}],
				   "charter-check:disk-encryption": []},
				 "statuses": {"charter-software:programs": 0, "charter-check:disk-encryption": 0}}""".formatted(nodeKey));

		var session = Fixtures.signIn(mvc, employee.email(), Fixtures.PASSWORD);
		String mine = Fixtures.page(mvc, session, "/my-devices");
		assertThat(mine).contains("mbp-olivia.local", "Notepad++ (64-bit x64)", "Turn on disk encryption")
				.doesNotContain("Microsoft Edge");
		mvc.perform(post("/my-devices/software-requests").session(session).param("name", "Notepad++").param("reason", " ")
				.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(post("/my-devices/software-requests").session(session).param("name", "Notepad++*")
				.param("reason", "Editing configuration files").with(csrf())).andExpect(status().is3xxRedirection());
		UUID request = jdbc.sql("select id from software_request where requester_id = :p").param("p", person)
				.query(UUID.class).single();

		var security = signedIn(Role.SECURITY);
		assertThat(Fixtures.page(mvc, security, "/devices/software")).contains("Erin Employee", "Editing configuration files");
		mvc.perform(post("/devices/software/requests/" + request + "/refuse").session(security).param("refusal", "")
				.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("Give the reason")));
		mvc.perform(post("/devices/software/requests/" + request + "/approve").session(security).with(csrf()))
				.andExpect(status().is3xxRedirection());
		// Decided once: a second decision finds no open request.
		mvc.perform(post("/devices/software/requests/" + request + "/refuse").session(security).param("refusal", "late")
				.with(csrf())).andExpect(status().isNotFound());
		assertThat(events.stream(DeviceEvent.SoftwareRequestChanged.class).map(DeviceEvent::action))
				.contains("software-request.requested", "software-request.approved");
		assertThat(Fixtures.page(mvc, session, "/my-devices")).doesNotContain("Notepad++ (64-bit x64) 8.6").contains("Approved");
		mvc.perform(get("/devices/software").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void securityRevokesADeviceAfterConfirming() throws Exception {
		String nodeKey = enroll(createSecret("revoke"), host, "darwin");
		UUID device = deviceId(host);
		var security = signedIn(Role.SECURITY);
		assertThat(Fixtures.page(mvc, security, "/devices/" + device + "/revoke")).contains("osquery must enroll again");
		mvc.perform(post("/devices/" + device + "/revoke").session(security).with(csrf()))
				.andExpect(header().string("Location", "/devices/" + device + "/revoke"));
		osquery("/osquery/config", "{\"node_key\":\"" + nodeKey + "\"}").andExpect(jsonPath("$.node_invalid").doesNotExist());
		mvc.perform(post("/devices/" + device + "/revoke").session(security).param("confirmed", "yes").with(csrf()))
				.andExpect(status().is3xxRedirection());
		osquery("/osquery/config", "{\"node_key\":\"" + nodeKey + "\"}").andExpect(content().json("{\"node_invalid\": true}"));
		assertThat(events.stream(DeviceEvent.DeviceRevoked.class)).anyMatch(e -> e.deviceId().equals(device));
		mvc.perform(post("/devices/" + device + "/revoke").session(signedIn(Role.ADMIN)).param("confirmed", "yes")
				.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void answersDataSubjectRequestsAndErasureUnlinksTheOwner() throws Exception {
		String email = Fixtures.uniqueEmail("holder");
		UUID person = person(email, "Hana Holder");
		String nodeKey = enroll(createSecret("holder"), host, "linux");
		UUID device = deviceId(host);
		jdbc.sql("update device set owner_id = :p where id = :d").param("p", person).param("d", device).update();
		osquery("/osquery/distributed/write", """
				{"node_key": "%s", "queries": {"charter-software:deb_packages": [{"name": "vim", "version": "9.1"}]},
				 "statuses": {"charter-software:deb_packages": 0}}""".formatted(nodeKey));
		var subject = new io.charter.shared.personaldata.DataSubject(UUID.randomUUID(), email, null, "fr");
		assertThat(holder.find(subject).records()).isOne();
		assertThat(holder.find(subject).purposes()).contains("Sécuriser");
		assertThat(holder.export(subject)).extracting(io.charter.shared.personaldata.Dataset::name)
				.containsExactly("devices", "device-software");
		assertThat(holder.erase(subject).result()).isEqualTo(io.charter.shared.personaldata.Outcome.Result.PARTLY);
		assertThat(jdbc.sql("select owner_id from device where id = :d").param("d", device).query(UUID.class).optional())
				.isEmpty();
		assertThat(holder.find(subject).holdsData()).isFalse();
	}

	@Test
	void tellsSecurityOfStaleDevices() throws Exception {
		enroll(createSecret("stale"), host, "darwin");
		UUID device = deviceId(host);
		int before = staleCount();
		jdbc.sql("update device set last_seen_at = last_seen_at - interval '15' day where id = :d").param("d", device)
				.update();
		assertThat(staleCount()).isEqualTo(before + 1);
	}

	private int staleCount() {
		return attention.notices().stream().filter(n -> n.messageKey().equals("devices.attention.stale"))
				.map(n -> (Integer) n.arguments().get(0)).findFirst().orElse(0);
	}

	@Test
	void aChangeToACheckIsANewVersionSentNextAndKeptWithItsAnswers() throws Exception {
		String checks = "/devices/checks/disk-encryption";
		mvc.perform(get("/devices/checks").session(signedIn(Role.EMPLOYEE))).andExpect(status().isForbidden());
		var admin = signedIn(Role.ADMIN);
		assertThat(Fixtures.page(mvc, admin, checks)).contains("bitlocker_info");
		mvc.perform(post(checks).session(admin).param("platform", "windows").param("query", "SELECT 1;")
				.param("clause", "S6").param("enabled", "true").with(csrf())).andExpect(status().isForbidden());
		int before = versions("disk-encryption");
		String original = jdbc.sql("select query_windows from device_check where id = 'disk-encryption'")
				.query(String.class).single();

		var security = signedIn(Role.SECURITY);
		// Bad input: nothing written, the typed values kept with a field error each.
		String refused = mvc.perform(post(checks).session(security).param("platform", "beos").param("query", "  ")
				.param("clause", "S9").param("enabled", "true").param("fixEn", "Kept as typed").with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Choose darwin, windows or linux.", "Enter the query.",
				"The clause is one of S1 to S8.", "value=\"S9\"", "Kept as typed", "aria-invalid=\"true\"");
		assertThat(versions("disk-encryption")).isEqualTo(before);

		String query = "SELECT 1 FROM bitlocker_info WHERE drive_letter = 'C:' AND protection_status = 1 AND encryption_method = 'XTS_AES_256';";
		try {
			mvc.perform(post(checks).session(security).param("platform", "windows").param("query", query)
					.param("clause", "S6").param("enabled", "true").param("fixEn", "Ask IT to turn BitLocker on with XTS-AES 256.")
					.with(csrf())).andExpect(status().is3xxRedirection());
			int version = before + 1;
			assertThat(versions("disk-encryption")).isEqualTo(version);
			// The previous version is kept as it was.
			assertThat(jdbc.sql("select query_windows from device_check_version where check_id = 'disk-encryption' and version = :v")
					.param("v", before).query(String.class).single()).isEqualTo(original);
			assertThat(events.stream(DeviceEvent.CheckChanged.class))
					.anyMatch(e -> e.checkId().equals("disk-encryption") && e.version() == version);
			assertThat(Fixtures.page(mvc, security, checks)).contains("Version " + version + " in force", "XTS_AES_256");

			// The next distributed read sends the new query, named with its version; the answer keeps it.
			var employee = fixtures.user(Role.EMPLOYEE);
			UUID person = person(employee.email(), "Wanda Windows");
			String nodeKey = enroll(createSecret("versions"), host, "windows");
			UUID device = deviceId(host);
			jdbc.sql("update device set owner_id = :p where id = :d").param("p", person).param("d", device).update();
			String name = "charter-check:disk-encryption@" + version;
			JsonNode queries = body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")).path("queries");
			assertThat(queries.path(name).asString()).isEqualTo(query);
			osquery("/osquery/distributed/write", """
					{"node_key": "%s", "queries": {"%s": []}, "statuses": {"%s": 0}}""".formatted(nodeKey, name, name));
			assertThat(jdbc.sql("select check_version from check_result where device_id = :d and check_id = 'disk-encryption'")
					.param("d", device).query(Integer.class).single()).isEqualTo(version);
			// The failing check shows the edited how-to-fix text to its owner.
			assertThat(Fixtures.page(mvc, Fixtures.signIn(mvc, employee.email(), Fixtures.PASSWORD), "/my-devices"))
					.contains("Ask IT to turn BitLocker on with XTS-AES 256.").doesNotContain("Turn on disk encryption");
		}
		finally {
			// Other tests read the shipped query and texts: put them back, as a version of its own.
			mvc.perform(post(checks).session(security).param("platform", "windows").param("query", original)
					.param("clause", "S6").param("enabled", "true").with(csrf())).andExpect(status().is3xxRedirection());
		}
	}

	@Test
	void aDisabledCheckIsNotSent() throws Exception {
		var security = signedIn(Role.SECURITY);
		String original = jdbc.sql("select query_darwin from device_check where id = 'no-local-backup'")
				.query(String.class).single();
		mvc.perform(post("/devices/checks/no-local-backup").session(security).param("platform", "darwin")
				.param("query", original).param("clause", "S7").with(csrf())).andExpect(status().is3xxRedirection());
		try {
			String nodeKey = enroll(createSecret("disabled"), host, "darwin");
			assertThat(body(osquery("/osquery/distributed/read", "{\"node_key\":\"" + nodeKey + "\"}")).path("queries")
					.propertyNames()).anyMatch(n -> n.startsWith("charter-check:screen-lock@"))
					.noneMatch(n -> n.startsWith("charter-check:no-local-backup"));
		}
		finally {
			mvc.perform(post("/devices/checks/no-local-backup").session(security).param("platform", "darwin")
					.param("query", original).param("clause", "S7").param("enabled", "true").with(csrf()))
					.andExpect(status().is3xxRedirection());
		}
	}

	@Test
	void theUnapprovedSoftwareReportIsPaged() throws Exception {
		enroll(createSecret("paged"), host, "windows");
		UUID device = deviceId(host);
		String tag = "Paged " + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 120; i++) {
			jdbc.sql("""
					insert into device_software (device_id, name, version, publisher, first_seen_at, last_seen_at)
					values (:d, :name, '1.0', 'Nobody Ltd', current_timestamp, current_timestamp)""").param("d", device)
					.param("name", tag + " %03d".formatted(i)).update();
		}
		try {
			var auditor = signedIn(Role.AUDITOR);
			String first = Fixtures.page(mvc, auditor, "/devices/software");
			java.util.regex.Matcher pages = java.util.regex.Pattern.compile("Page 1 of (\\d+)").matcher(first);
			assertThat(pages.find()).isTrue();
			int count = Integer.parseInt(pages.group(1));
			assertThat(count).isGreaterThanOrEqualTo(3);
			assertThat(first).contains("href=\"/devices/software?page=1#unapproved\"");
			int seen = 0;
			for (int page = 0; page < count; page++) {
				String html = Fixtures.page(mvc, auditor, "/devices/software?page=" + page);
				String report = html.substring(html.indexOf("<h2 id=\"unapproved\">"), html.indexOf("<h2 id=\"requests\">"));
				assertThat(report.split("<tr>", -1).length - 2).as("lines on page %d", page).isBetween(1, 50);
				seen += html.split("<td>" + tag, -1).length - 1;
			}
			assertThat(seen).isEqualTo(120);
		}
		finally {
			// Other tests look for their items on the report's first page.
			jdbc.sql("delete from device_software where device_id = :d").param("d", device).update();
		}
	}

	@Test
	void aDevicePageChartsEachChecksHistoryOverNinetyDays() throws Exception {
		enroll(createSecret("history"), host, "darwin");
		UUID device = deviceId(host);
		java.time.ZoneId zone = java.time.ZoneId.of("Europe/Brussels");
		java.time.LocalDate today = java.time.LocalDate.now(zone);
		// Two answers on one day: the later one counts. One answer too old for the chart.
		answer(device, today.minusDays(6), 9, true);
		answer(device, today.minusDays(4), 9, false);
		answer(device, today.minusDays(4), 15, true);
		answer(device, today.minusDays(2), 9, null);
		answer(device, today.minusDays(1), 9, false);
		answer(device, today.minusDays(120), 9, false);

		String page = Fixtures.page(mvc, signedIn(Role.AUDITOR), "/devices/" + device);
		String chart = page.substring(page.indexOf("<figure class=\"card check-history\" id=\"history-disk-encryption\">"));
		chart = chart.substring(0, chart.indexOf("</figure>"));
		assertThat(chart).contains("role=\"img\"", "viewBox=\"0 0 360 24\"",
				"aria-labelledby=\"history-disk-encryption-title history-disk-encryption-desc\"",
				"<title id=\"history-disk-encryption-title\">Disk encrypted, ",
				"<desc id=\"history-disk-encryption-desc\">Passed on 2 days, failed on 1, unknown on 1, no answer on 86.</desc>",
				// The 90th bar is today's; a full bar passes, a half one fails, a stub is unknown.
				"<rect x=\"332\" y=\"0\" width=\"3\" height=\"24\" fill=\"#1a7f37\" data-day=\"" + today.minusDays(6) + "\" data-outcome=\"pass\"",
				"<rect x=\"340\" y=\"0\" width=\"3\" height=\"24\" fill=\"#1a7f37\" data-day=\"" + today.minusDays(4) + "\" data-outcome=\"pass\"",
				"<rect x=\"348\" y=\"20\" width=\"3\" height=\"4\" fill=\"#616161\" data-day=\"" + today.minusDays(2) + "\" data-outcome=\"unknown\"",
				"<rect x=\"352\" y=\"12\" width=\"3\" height=\"12\" fill=\"#c62828\" data-day=\"" + today.minusDays(1) + "\" data-outcome=\"fail\"")
				.doesNotContain(today.minusDays(120).toString());
		assertThat(chart.split("<rect ", -1).length - 1).isEqualTo(4);
		// The text alternative beside the chart says the same.
		assertThat(chart).contains("<p>Passed on 2 days, failed on 1, unknown on 1, no answer on 86.</p>");
		// A check never answered: an empty chart, all "no answer".
		assertThat(page).contains("<desc id=\"history-screen-lock-desc\">Passed on 0 days, failed on 0, unknown on 0, no answer on 90.</desc>");
	}

	private void answer(UUID device, java.time.LocalDate day, int hour, Boolean passed) {
		jdbc.sql("""
				insert into check_result (id, device_id, check_id, checked_at, passed)
				values (:id, :device, 'disk-encryption', :at, :passed)""").param("id", UUID.randomUUID())
				.param("device", device).param("at", day.atTime(hour, 0).atZone(java.time.ZoneId.of("Europe/Brussels"))
						.toOffsetDateTime())
				.param("passed", passed).update();
		io.charter.DeviceRows.latest(jdbc, device, "disk-encryption", passed,
				day.atTime(hour, 0).atZone(java.time.ZoneId.of("Europe/Brussels")).toInstant());
	}

	private int versions(String check) {
		return jdbc.sql("select count(*) from device_check_version where check_id = :c").param("c", check)
				.query(Integer.class).single();
	}

	private UUID person(String email, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into person (id, name, email, kind, status, language, created_at, updated_at)
				values (:id, :name, :email, 'EMPLOYEE', 'ACTIVE', 'en', current_timestamp, current_timestamp)""")
				.param("id", id).param("name", name).param("email", email).update();
		return id;
	}

	private org.springframework.mock.web.MockHttpSession signedIn(Role role) throws Exception {
		return Fixtures.signIn(mvc, fixtures.user(role).email(), Fixtures.PASSWORD);
	}

	private String createSecret(String name) throws Exception {
		return body(mvc.perform(post("/api/v1/devices/enroll-secrets")
				.header("Authorization", "Bearer " + fixtures.tokenFor(Role.SECURITY)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + name + "\"}")).andExpect(status().isCreated())).path("value").asString();
	}

	private String enroll(String secret, String hostIdentifier, String platform) throws Exception {
		JsonNode answer = body(osquery("/osquery/enroll", enrollBody(secret, hostIdentifier, platform)));
		assertThat(answer.path("node_invalid").asBoolean(true)).isFalse();
		return answer.path("node_key").asString();
	}

	/** As osqueryd's tls enroll plugin sends it (the secret read from --enroll_secret_path). */
	private static String enrollBody(String secret, String hostIdentifier, String platform) {
		return """
				{"enroll_secret": "%s", "host_identifier": "%s", "platform_type": "21",
				 "host_details": {
				   "os_version": {"name": "macOS", "version": "14.6.1", "major": "14", "minor": "6", "patch": "1",
				                  "build": "23G93", "platform": "%s", "platform_like": "%s", "codename": "", "arch": "arm64"},
				   "osquery_info": {"pid": "512", "uuid": "9B1C3E1A-0000-0000-0000-000000000000", "instance_id": "a",
				                    "version": "5.12.1", "config_hash": "", "config_valid": "0", "extensions": "active",
				                    "build_platform": "darwin", "build_distro": "10.14", "start_time": "1796637600",
				                    "watcher": "511", "platform_mask": "21"},
				   "system_info": {"hostname": "mbp-olivia.local", "uuid": "9B1C3E1A", "cpu_type": "arm64e",
				                   "cpu_brand": "Apple M2", "physical_memory": "17179869184", "hardware_vendor": "Apple Inc.",
				                   "hardware_model": "MacBook Pro", "hardware_serial": "C02XK0QWJG5J", "computer_name": "mbp"},
				   "platform_info": {"vendor": "Apple Inc.", "version": "10151.140.19"}}}"""
				.formatted(secret, hostIdentifier, platform, platform.equals("ubuntu") ? "debian" : platform);
	}

	private org.springframework.test.web.servlet.ResultActions osquery(String path, String body) throws Exception {
		return mvc.perform(request(path).content(body)).andExpect(status().isOk());
	}

	private void osquery400(String body) throws Exception {
		mvc.perform(request("/osquery/config").content(body)).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private static MockHttpServletRequestBuilder request(String path) {
		return post(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
	}

	private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	private UUID deviceId(String hostIdentifier) {
		return jdbc.sql("select id from device where host_identifier = :h").param("h", hostIdentifier).query(UUID.class)
				.single();
	}

	private List<String> outcomes(UUID device) {
		return jdbc.sql("""
				select c.id, (select r.passed from check_result r where r.device_id = :d and r.check_id = c.id
				  order by r.checked_at desc fetch first 1 rows only) passed
				from device_check c order by c.position""").param("d", device).query((rs, n) -> rs.getString("id") + " "
						+ (rs.getObject("passed") == null ? "unknown" : rs.getBoolean("passed") ? "pass" : "fail")).list();
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}
}
