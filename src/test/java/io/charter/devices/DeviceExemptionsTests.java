package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.devices.web.UnapprovedView;
import io.charter.MovableClock;
import io.charter.shared.Role;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.exemption.ExemptionGrant;
import io.charter.shared.exemption.ExemptionLookup;
import io.charter.shared.exemption.ExemptionSubject;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The devices' controls and pages read the exemptions in force: a failing check or an unapproved
 * item covered by an exemption (for the device or its owner) shows as exempted and is counted apart,
 * never as met, until the exemption ends. Prohibited software (S8) is a finding the catalogue never
 * approves. The exemptions come from a test look-up holding real grants;
 * the clock is moved past their last day.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@Import(DeviceExemptionsTests.Exemptions.class)
@RecordApplicationEvents
class DeviceExemptionsTests {

	/**
	 * The exemptions module's part, played by a list of grants (the clock the test moves is the shared
	 * {@link io.charter.TestClock}). Imported, not a nested {@code @TestConfiguration}: one detected
	 * here would make this class's context differ from {@link MdmImportTests}' and start a second one.
	 */
	static class Exemptions {

		/** Primary: once the exemptions module contributes its own look-up, this one still answers here. */
		@Bean
		@Primary
		GrantList grantsForTests() {
			return new GrantList();
		}
	}

	static class GrantList implements ExemptionLookup {

		final List<ExemptionGrant> grants = new CopyOnWriteArrayList<>();

		@Override
		public ExemptionsInForce inForce(LocalDate day) {
			return new ExemptionsInForce(day, grants);
		}
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	GrantList grants;
	@Autowired
	MovableClock clock;
	@Autowired
	DeviceExemptions exemptions;
	@Autowired
	List<ControlReport> reports;
	@Autowired
	ApplicationEvents audit;
	@Autowired
	Software software;

	@BeforeEach
	void fixTheClock() {
		clock.set(Instant.parse("2026-12-07T10:00:00Z"));
	}

	@AfterEach
	void reset() {
		grants.grants.clear();
		clock.reset();
	}

	@Test
	void anExemptionForTheOwnerShowsTheCheckExemptedUntilItEnds() throws Exception {
		Map<String, Control> before = controls();
		var employee = fixtures.user(Role.EMPLOYEE);
		UUID person = person(employee.email());
		UUID exempt = device("exempt", person);
		UUID passing = device("passing", null);
		result(exempt, "screen-lock", false);
		result(passing, "screen-lock", true);

		LocalDate today = exemptions.today();
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S5", "screen-lock", ExemptionSubject.person(person),
				today.minusDays(1), today.plusDays(2)));
		// Another clause's exemption covers nothing here.
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S7", null, ExemptionSubject.device(passing),
				today.minusDays(1), today.plusDays(2)));

		Control screenLock = controls().get("device-screen-lock");
		Control was = before.get("device-screen-lock");
		assertThat(screenLock.clauses()).containsExactly("S5");
		assertThat(screenLock.target()).isEqualTo(0.95);
		assertThat(screenLock.of() - was.of()).isEqualTo(2);
		assertThat(screenLock.met() - was.met()).isEqualTo(1);
		assertThat(screenLock.exempted() - was.exempted()).isEqualTo(1);

		var session = Fixtures.signIn(mvc, employee.email(), Fixtures.PASSWORD);
		String mine = Fixtures.page(mvc, session, "/my-devices");
		assertThat(mine).contains("Exempted").doesNotContain("Set the screen to lock");
		var security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		assertThat(Fixtures.page(mvc, security, "/devices/" + exempt)).contains("Exempted");
		assertThat(Fixtures.page(mvc, security, "/devices")).contains("id=\"control-device-screen-lock\"",
				"Screen locks after at most 15 minutes");

		// The day after its last day, the exemption no longer covers the check: it fails again.
		clock.advance(Duration.ofDays(3));
		Control after = controls().get("device-screen-lock");
		assertThat(after.exempted() - was.exempted()).isZero();
		assertThat(after.met() - was.met()).isEqualTo(1);
		session = Fixtures.signIn(mvc, employee.email(), Fixtures.PASSWORD);
		assertThat(Fixtures.page(mvc, session, "/my-devices")).doesNotContain("Exempted").contains("Set the screen to lock");
	}

	@Test
	void anExemptedSoftwareItemIsCountedApartNeverAsApproved() throws Exception {
		Map<String, Control> before = controls();
		UUID clean = device("clean", null);
		UUID sniffer = device("sniffer", null);
		software(clean, "osquery");
		software(sniffer, "osquery");
		software(sniffer, "Slack");
		LocalDate today = exemptions.today();
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S6", "software:slack", ExemptionSubject.device(sniffer),
				today, today));

		Control approved = controls().get(DeviceControls.APPROVED_SOFTWARE);
		Control was = before.get(DeviceControls.APPROVED_SOFTWARE);
		assertThat(approved.met() - was.met()).isEqualTo(1);
		assertThat(approved.exempted() - was.exempted()).isEqualTo(1);
		assertThat(approved.of() - was.of()).isEqualTo(2);

		var auditor = Fixtures.signIn(mvc, fixtures.user(Role.AUDITOR).email(), Fixtures.PASSWORD);
		assertThat(Fixtures.page(mvc, auditor, "/devices/" + sniffer)).contains("Not approved, exempted");
		assertThat(Fixtures.page(mvc, auditor, "/devices/software")).contains("1 exempted");

		clock.advance(Duration.ofDays(1));
		assertThat(controls().get(DeviceControls.APPROVED_SOFTWARE).exempted() - was.exempted()).isZero();
		assertThat(Fixtures.page(mvc, auditor, "/devices/" + sniffer)).doesNotContain("Not approved, exempted");
	}

	@Test
	void prohibitedSoftwareIsAnS8FindingThatTheCatalogueNeverApproves() throws Exception {
		Map<String, Control> before = controls();
		UUID sniffer = device("linux-sniffer", null, "linux");
		// Ubuntu's packages are approved by the seed; Wireshark is prohibited all the same.
		software(sniffer, "wireshark-qt", "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>");
		software(sniffer, "bash", "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>");
		Control s8 = controls().get(DeviceControls.PROHIBITED_SOFTWARE);
		Control s6 = controls().get(DeviceControls.APPROVED_SOFTWARE);
		assertThat(s8.clauses()).containsExactly("S8");
		assertThat(s8.of() - before.get(DeviceControls.PROHIBITED_SOFTWARE).of()).isEqualTo(1);
		assertThat(s8.met() - before.get(DeviceControls.PROHIBITED_SOFTWARE).met()).isZero();
		assertThat(s6.met() - before.get(DeviceControls.APPROVED_SOFTWARE).met()).isZero();

		var security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		assertThat(Fixtures.page(mvc, security, "/devices/" + sniffer)).contains("Prohibited (S8)", "2 items, 1 unapproved");
		assertThat(Fixtures.page(mvc, security, "/devices/software")).contains("wireshark-qt <strong>(prohibited, S8)</strong>",
				"<code>ettercap*</code>", "<code>KMSpico*</code>");

		LocalDate today = exemptions.today();
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S8", "software:wireshark-qt",
				ExemptionSubject.device(sniffer), today, today));
		assertThat(controls().get(DeviceControls.PROHIBITED_SOFTWARE).exempted()
				- before.get(DeviceControls.PROHIBITED_SOFTWARE).exempted()).isEqualTo(1);
		assertThat(Fixtures.page(mvc, security, "/devices/" + sniffer)).contains("Prohibited (S8), exempted");

		// SECURITY edits the list, in the audit trail.
		mvc.perform(post("/devices/software/prohibited").session(security).param("pattern", "bash-typed")
				.param("category", "nonsense").with(csrf())).andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"bash-typed\"")))
				.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(post("/devices/software/prohibited").session(security).param("pattern", "bash")
				.param("category", "scanner").param("platform", "linux").with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(Fixtures.page(mvc, security, "/devices/" + sniffer)).doesNotContain(">Approved<");
		UUID entry = jdbc.sql("select id from prohibited_software where pattern = 'bash'").query(UUID.class).single();
		mvc.perform(post("/devices/software/prohibited/" + entry + "/remove").session(security).with(csrf()))
				.andExpect(status().is3xxRedirection());
		mvc.perform(post("/devices/software/prohibited").session(Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(),
				Fixtures.PASSWORD)).param("pattern", "bash").param("category", "scanner").with(csrf()))
				.andExpect(status().isForbidden());
		assertThat(audit.stream(DeviceEvent.ProhibitionChanged.class).map(DeviceEvent::action))
				.containsExactly("prohibited-software.added", "prohibited-software.removed");
	}

	/**
	 * The fleet's unapproved-software report, matched and counted by SQL, against the rules a device's
	 * own page applies in memory ({@link SoftwareSteps.Rules}), on items each of which a wrong join or
	 * a wrong escape would misplace: a catalogue entry narrowed by publisher and platform, LIKE's own
	 * wildcards in a name, an exemption of the person the device is assigned to, one of the wrong
	 * clause, one that ended, a prohibited item from an approved publisher, a revoked (leaver's) device.
	 */
	@Test
	void theUnapprovedReportIsTheRulesOfEachItemCountedBySql() {
		String x = UUID.randomUUID().toString().substring(0, 8);
		UUID owner = person("eve-" + x + "@example.com");
		UUID mac = device("mac-" + x, owner, "darwin");
		UUID other = device("other-" + x, null, "darwin");
		UUID linux = device("linux-" + x, null, "linux");
		UUID revoked = device("leaver-" + x, owner, "darwin");
		UUID bare = device("bare-" + x, null, null);
		jdbc.sql("update device set revoked_at = current_timestamp where id = :id").param("id", revoked).update();
		jdbc.sql("""
				insert into approved_software (id, pattern, publisher, platform, note, created_at, created_by)
				values (:id, :pattern, 'Acme*', 'darwin', 'test', current_timestamp, 'test')""")
				.param("id", UUID.randomUUID()).param("pattern", "Tool-" + x + "*").update();
		jdbc.sql("""
				insert into approved_software (id, pattern, publisher, platform, note, created_at, created_by)
				values (:id, :pattern, null, null, 'test', current_timestamp, 'test')""")
				.param("id", UUID.randomUUID()).param("pattern", "a_b%" + x).update();
		try {
			software(mac, "tool-" + x + "-pro", "ACME Corp"); // approved: pattern, publisher, platform
			software(other, "tool-" + x + "-pro", "Other Inc"); // the publisher does not match
			software(linux, "tool-" + x + "-pro", "ACME Corp"); // the platform does not match
			software(mac, "a_b%" + x, "someone"); // approved, exactly
			software(other, "axb%" + x, "someone"); // _ is no wildcard
			software(other, "a_bz" + x, "someone"); // nor is %
			software(mac, "Chat-" + x, "someone"); // exempted for the owner
			software(other, "Chat-" + x, "someone"); // the same item, not exempted
			software(mac, "Mail-" + x, "someone"); // an S8 exemption does not cover an S6 finding
			software(other, "Mail-" + x, "someone"); // the exemption ended yesterday
			software(linux, "wireshark-" + x, "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>");
			software(revoked, "Leaver-" + x, "someone"); // a revoked device is out of the report
			software(bare, "tool-" + x + "-pro", null); // no platform, no publisher: the Acme entry does not approve it
			software(bare, "a_b%" + x, null); // approved by an entry for every platform and publisher
			LocalDate today = exemptions.today();
			grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S6", "software:chat-" + x, ExemptionSubject.person(owner),
					today, today));
			grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S8", "software:mail-" + x, ExemptionSubject.device(mac),
					today, today));
			grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S6", "software:mail-" + x, ExemptionSubject.device(other),
					today.minusDays(3), today.minusDays(1)));
			grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S8", null, ExemptionSubject.device(linux), today, today));

			ExemptionsInForce inForce = exemptions.inForce();
			List<UnapprovedView> all = software.unapproved(inForce, 0, Integer.MAX_VALUE);
			// name, platform, prohibited, on how many devices, exempted on how many
			assertThat(all.stream().filter(u -> u.name().contains(x))
					.map(u -> u.name() + " " + u.platform() + " " + u.prohibited() + " " + u.devices() + " " + u.exempted()))
					.containsExactly("wireshark-" + x + " linux true 1 1", "Chat-" + x + " darwin false 2 1",
							"Mail-" + x + " darwin false 2 0", "a_bz" + x + " darwin false 1 0",
							"axb%" + x + " darwin false 1 0", "tool-" + x + "-pro darwin false 1 0",
							"tool-" + x + "-pro linux false 1 0", "tool-" + x + "-pro null false 1 0");
			assertThat(all).containsExactlyInAnyOrderElementsOf(inMemory(inForce));
			assertThat(software.unapprovedLines(inForce)).isEqualTo(all.size());
			// The software controls, counted by SQL, as they were counted item by item with the same rules.
			Map<String, Control> now = controls();
			assertThat(java.util.stream.Stream.of(DeviceControls.APPROVED_SOFTWARE, DeviceControls.PROHIBITED_SOFTWARE)
					.map(id -> id + " " + now.get(id).met() + " " + now.get(id).of() + " " + now.get(id).exempted()))
					.containsExactlyElementsOf(softwareItemByItem(inForce));
			// Pages follow one another without a gap or a repeat.
			int split = all.size() / 2;
			assertThat(java.util.stream.Stream.concat(software.unapproved(inForce, 0, split).stream(),
					software.unapproved(inForce, split, all.size()).stream())).containsExactlyElementsOf(all);
		}
		finally {
			jdbc.sql("delete from approved_software where note = 'test'").update();
			jdbc.sql("delete from device_software where name like :x").param("x", "%" + x).update();
		}
	}

	/** The software controls as they were computed before, item by item: "id met of exempted". */
	private List<String> softwareItemByItem(ExemptionsInForce inForce) {
		var rules = new SoftwareSteps.Rules(software.catalogue(), software.prohibitions(), inForce);
		java.util.Set<UUID> devices = new java.util.HashSet<>(
				jdbc.sql("select id from device where revoked_at is null").query(UUID.class).list());
		java.util.Set<UUID> reported = new java.util.HashSet<>();
		Map<Boolean, java.util.Set<UUID>> findings = Map.of(false, new java.util.HashSet<>(), true, new java.util.HashSet<>());
		Map<Boolean, java.util.Set<UUID>> uncovered = Map.of(false, new java.util.HashSet<>(), true, new java.util.HashSet<>());
		for (Software.Installed item : software.all()) {
			reported.add(item.deviceId());
			if (rules.finding(item)) {
				for (boolean prohibited : rules.prohibited(item) ? List.of(false, true) : List.of(false)) {
					findings.get(prohibited).add(item.deviceId());
					if (!rules.exempted(item)) {
						uncovered.get(prohibited).add(item.deviceId());
					}
				}
			}
		}
		reported.retainAll(devices);
		return java.util.stream.Stream.of(false, true).map(prohibited -> (prohibited ? DeviceControls.PROHIBITED_SOFTWARE
				: DeviceControls.APPROVED_SOFTWARE) + " "
				+ reported.stream().filter(d -> !findings.get(prohibited).contains(d)).count() + " " + devices.size() + " "
				+ findings.get(prohibited).stream().filter(d -> devices.contains(d) && !uncovered.get(prohibited).contains(d))
						.count())
				.toList();
	}

	/** The report as it was computed before, item by item with the device page's rules. */
	private List<UnapprovedView> inMemory(ExemptionsInForce inForce) {
		var rules = new SoftwareSteps.Rules(software.catalogue(), software.prohibitions(), inForce);
		record Key(String name, String platform) {
		}
		Map<Key, java.util.Set<UUID>> on = new java.util.HashMap<>();
		Map<Key, java.util.Set<UUID>> exempt = new java.util.HashMap<>();
		Map<Key, Instant> first = new java.util.HashMap<>();
		Map<Key, Boolean> prohibited = new java.util.HashMap<>();
		for (Software.Installed i : software.all()) {
			if (rules.finding(i)) {
				Key key = new Key(i.name(), i.platform());
				on.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(i.deviceId());
				exempt.computeIfAbsent(key, k -> new java.util.HashSet<>());
				if (rules.exempted(i)) {
					exempt.get(key).add(i.deviceId());
				}
				prohibited.put(key, rules.prohibited(i));
				first.merge(key, i.firstSeenAt(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		return on.keySet().stream().map(k -> new UnapprovedView(k.name(), k.platform(), prohibited.get(k), on.get(k).size(),
				exempt.get(k).size(), first.get(k))).toList();
	}

	/**
	 * The posture checks are counted in the database: the figures equal those counted device by
	 * device from every device's latest answers (a revoked device left out, a stale device never
	 * managed, a check never answered not met, exemptions by device, owner and organisation).
	 */
	@Test
	void theFleetCountedInTheDatabaseMatchesTheCountDeviceByDevice() {
		Map<String, Control> before = controls();
		UUID owner = person("owner-" + UUID.randomUUID() + "@example.com");
		UUID lockedOut = device("locked-out", owner);
		UUID unencrypted = device("unencrypted", null);
		UUID stale = device("stale", null);
		UUID silent = device("silent", null);
		UUID revoked = device("revoked", owner);
		result(lockedOut, "screen-lock", false);
		result(lockedOut, "managed", true);
		result(unencrypted, "disk-encryption", false);
		result(unencrypted, "screen-lock", false);
		result(stale, "managed", true);
		result(stale, "screen-lock", true);
		result(revoked, "screen-lock", false);
		jdbc.sql("update device set last_seen_at = :at where id = :id").param("at", java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"))
				.param("id", stale).update();
		jdbc.sql("update device set revoked_at = current_timestamp where id = :id").param("id", revoked).update();
		LocalDate today = exemptions.today();
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S5", "screen-lock", ExemptionSubject.person(owner),
				today, today));
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S6", "disk-encryption", ExemptionSubject.device(unencrypted),
				today, today));
		// Another check of the clause: covers nothing here.
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S5", "no-such-check", ExemptionSubject.device(unencrypted),
				today, today));

		Map<String, Control> now = controls();
		assertThat(now.get("device-screen-lock").of() - before.get("device-screen-lock").of()).isEqualTo(4);
		assertThat(now.get("device-screen-lock").met() - before.get("device-screen-lock").met()).isEqualTo(1);
		assertThat(now.get("device-screen-lock").exempted() - before.get("device-screen-lock").exempted()).isEqualTo(1);
		assertThat(now.get("device-managed").met() - before.get("device-managed").met()).isEqualTo(1);
		assertThat(now.get("device-disk-encryption").exempted() - before.get("device-disk-encryption").exempted())
				.isEqualTo(1);
		assertThat(now.values().stream().filter(c -> !c.id().contains("software")).toList())
				.containsExactlyInAnyOrderElementsOf(deviceByDevice(today));

		// An exemption for the whole organisation from a clause covers every device not meeting its checks.
		grants.grants.add(new ExemptionGrant(UUID.randomUUID(), "S7", null, ExemptionSubject.organisation(), today, today));
		Map<String, Control> covered = controls();
		covered.values().stream().filter(c -> c.clauses().contains("S7") && !c.id().contains("software"))
				.forEach(c -> assertThat(c.met() + c.exempted()).isEqualTo(c.of()));
		assertThat(covered.values().stream().filter(c -> !c.id().contains("software")).toList())
				.containsExactlyInAnyOrderElementsOf(deviceByDevice(today));
		remove(List.of(lockedOut, unencrypted, stale, silent, revoked));
	}

	/** Other tests count the fleet too: the raw rows go. */
	private void remove(List<UUID> devices) {
		for (String table : List.of("check_latest", "check_result")) {
			jdbc.sql("delete from " + table + " where device_id in (:ids)").param("ids", devices).update();
		}
		List<UUID> secrets = jdbc.sql("select enroll_secret_id from device where id in (:ids)").param("ids", devices)
				.query(UUID.class).list();
		jdbc.sql("delete from device where id in (:ids)").param("ids", devices).update();
		jdbc.sql("delete from enroll_secret where id in (:ids)").param("ids", secrets).update();
	}

	@Autowired
	Checks checks;
	@Autowired
	DevicesSettings settings;

	/** The figures as counted before the database counted them: device by device, in memory. */
	private List<Control> deviceByDevice(LocalDate today) {
		ExemptionsInForce inForce = exemptions.inForce(today);
		Map<String, long[]> tallies = new java.util.LinkedHashMap<>();
		Map<String, String> clauses = checks.clauses();
		clauses.keySet().forEach(c -> tallies.put(c, new long[3]));
		Instant staleBefore = clock.instant().minus(settings.staleAfter());
		for (LatestAnswer l : LatestAnswer.all(jdbc)) {
			long[] t = tallies.get(l.check());
			t[1]++;
			boolean isStale = l.check().equals(DeviceControls.MANAGED) && l.lastSeen().isBefore(staleBefore);
			if (Boolean.TRUE.equals(l.passed()) && !isStale) {
				t[0]++;
			}
			else if (DeviceExemptions.covers(inForce, l.clause(), l.check(), l.device(), l.owner())) {
				t[2]++;
			}
		}
		return tallies.entrySet().stream().map(e -> Control.share("device-" + e.getKey(), "devices.check." + e.getKey(),
				java.util.Set.of(clauses.get(e.getKey())), e.getValue()[0], e.getValue()[1], e.getValue()[2],
				settings.controlTarget(), "devices.control.figure", DeviceControls.LINK)).toList();
	}

	private Map<String, Control> controls() {
		return deviceControls(reports, exemptions.today());
	}

	/** The devices' controls as the compliance table reads them today, by id. */
	static Map<String, Control> deviceControls(List<ControlReport> reports, LocalDate today) {
		return reports.stream().filter(DeviceControls.class::isInstance).flatMap(r -> r.controls(today).stream())
				.collect(Collectors.toMap(Control::id, Function.identity()));
	}

	private UUID person(String email) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into person (id, name, email, kind, status, language, created_at, updated_at)
				values (:id, 'Eve Exempt', :email, 'EMPLOYEE', 'ACTIVE', 'en', current_timestamp, current_timestamp)""")
				.param("id", id).param("email", email).update();
		return id;
	}

	private UUID device(String name, UUID owner) {
		return device(name, owner, "darwin");
	}

	private UUID device(String name, UUID owner, String platform) {
		UUID secret = UUID.randomUUID();
		jdbc.sql("""
				insert into enroll_secret (id, name, secret_hash, created_at, created_by)
				values (:id, 'test', :hash, current_timestamp, 'test')""").param("id", secret)
				.param("hash", UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000").update();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into device (id, host_identifier, node_key_hash, enroll_secret_id, hostname, platform, owner_id,
				  enrolled_at, last_seen_at)
				values (:id, :host, :key, :secret, :name, :platform, :owner, current_timestamp, current_timestamp)""")
				.param("platform", platform)
				.param("id", id).param("host", name + "-" + id).param("key", id.toString().replace("-", "") + "0".repeat(32))
				.param("secret", secret).param("name", name + ".local").param("owner", owner).update();
		return id;
	}

	private void result(UUID device, String check, boolean passed) {
		jdbc.sql("""
				insert into check_result (id, device_id, check_id, checked_at, passed)
				values (:id, :device, :check, current_timestamp, :passed)""").param("id", UUID.randomUUID())
				.param("device", device).param("check", check).param("passed", passed).update();
		io.charter.DeviceRows.latest(jdbc, device, check, passed, java.time.Instant.now());
	}

	private void software(UUID device, String name) {
		software(device, name, "someone");
	}

	private void software(UUID device, String name, String publisher) {
		jdbc.sql("""
				insert into device_software (device_id, name, version, publisher, first_seen_at, last_seen_at)
				values (:d, :name, '1.0', :publisher, current_timestamp, current_timestamp)""").param("d", device)
				.param("name", name).param("publisher", publisher).update();
	}
}
