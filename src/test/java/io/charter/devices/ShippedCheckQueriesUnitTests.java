package io.charter.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The queries Charter ships for its checks, run as osquery would run them (in SQLite, over
 * {@link OsqueryStandIn}'s tables) on machines that meet the policy and on machines that miss it in
 * one way each: a check passes only on positive evidence, never on a file or value that is absent.
 * The checks are read from the devices module's migrations, as a new installation gets them.
 */
class ShippedCheckQueriesUnitTests {

	private static final long WRITTEN = 1_765_000_000L;
	private static final long COMPILED = WRITTEN + 60;

	private static final String KEYFILE = "/etc/dconf/db/local.d/00-screensaver";
	private static final String LOCKS = "/etc/dconf/db/local.d/locks/screensaver";
	private static final String PROFILE = "/etc/dconf/profile/user";
	private static final String DATABASE = "/etc/dconf/db/local";

	private static final String SETTINGS = """
			[org/gnome/desktop/session]
			idle-delay=uint32 900

			[org/gnome/desktop/screensaver]
			lock-enabled=true
			lock-delay=uint32 0
			""";
	private static final String LOCKED = """
			/org/gnome/desktop/session/idle-delay
			/org/gnome/desktop/screensaver/lock-enabled
			/org/gnome/desktop/screensaver/lock-delay
			""";

	private static final String FILE_HISTORY_OFF = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\FileHistory\\Disabled";

	private static JdbcClient shipped;

	@BeforeAll
	static void migrate() {
		shipped = JdbcClient.create(migrated(null));
	}

	private static DriverManagerDataSource migrated(String target) {
		DriverManagerDataSource data = new DriverManagerDataSource(
				"jdbc:h2:mem:checks-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				"sa", "");
		var flyway = Flyway.configure().dataSource(data).locations("classpath:db/migration/devices");
		(target == null ? flyway : flyway.target(target)).load().migrate();
		return data;
	}

	private static String query(String check, String platform) {
		return shipped.sql("select query_" + platform + " from device_check where id = :id").param("id", check)
			.query(String.class).single();
	}

	/** A GNOME desktop set as the fix text tells the administrator to set it. */
	private static OsqueryStandIn gnomeLockedDown() {
		return new OsqueryStandIn().file(KEYFILE, SETTINGS, WRITTEN).file(LOCKS, LOCKED, WRITTEN)
			.file(PROFILE, "user-db:user\nsystem-db:local\n", WRITTEN).file(DATABASE, "GVariant", COMPILED);
	}

	private static boolean linuxScreenLock(OsqueryStandIn machine) {
		return machine.passes(query("screen-lock", "linux"));
	}

	@Test
	void everyShippedQueryRunsOnOsquerysTablesAndFindsNothingOnAnEmptyMachine() {
		Map<String, String> queries = new LinkedHashMap<>();
		shipped.sql("select id, query_darwin, query_windows, query_linux from device_check order by position")
			.query(rs -> {
				for (String platform : new String[] { "darwin", "windows", "linux" }) {
					String q = rs.getString("query_" + platform);
					if (q != null) {
						queries.put(rs.getString("id") + " " + platform, q);
					}
				}
			});
		assertThat(queries).containsKeys("screen-lock linux", "no-local-backup windows");
		List<String> passed = queries.entrySet().stream().filter(q -> new OsqueryStandIn().passes(q.getValue()))
			.map(Map.Entry::getKey).toList();
		// An empty machine proves nothing: only Linux's "enrolled in Charter counts" passes, by design.
		assertThat(passed).containsExactly("managed linux");
	}

	@Test
	void linuxScreenLockPassesOnGnomesSettingsEnforcedAsTheFixTextSays() {
		assertThat(linuxScreenLock(gnomeLockedDown())).isTrue();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("900", "300"), WRITTEN))).isTrue();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("900", "1"), WRITTEN))).isTrue();
		// Comments, blank lines, spaces around = and another key in the section change nothing.
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, """
				# Set by IT: S5
				[org/gnome/desktop/session]
				session-name='gnome'
				idle-delay = uint32 600

				[org/gnome/desktop/screensaver]
				lock-delay=uint32 0
				lock-enabled=true""", WRITTEN))).isTrue();
		assertThat(linuxScreenLock(gnomeLockedDown().file(PROFILE, "user-db:user\nsystem-db:local", WRITTEN)
			.file("/etc/dconf/db/local.d/locks/other", "/org/gnome/desktop/media-handling/automount\n", WRITTEN)))
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "uint32 0", "uint32 901", "uint32 1000", "uint32 9000", "uint32 09", "900", "int32 900",
			"uint32 -1", "uint32 900 # fifteen" })
	void linuxScreenLockFailsOnAnIdleDelayOutsideOneTo900Seconds(String value) {
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("uint32 900", value), WRITTEN)))
			.isFalse();
	}

	@Test
	void linuxScreenLockFailsWhenTheLockIsOffDelayedOrNotSetWhereGnomeReadsIt() {
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("lock-enabled=true",
				"lock-enabled=false"), WRITTEN))).as("lock disabled").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("lock-delay=uint32 0",
				"lock-delay=uint32 30"), WRITTEN))).as("lock 30 s after the screen blanks").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("lock-delay=uint32 0\n", ""),
				WRITTEN))).as("lock delay left to the user").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("idle-delay", "#idle-delay"),
				WRITTEN))).as("idle delay commented out").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS.replace("org/gnome/desktop/session",
				"org/gnome/desktop/interface"), WRITTEN))).as("idle delay in another schema").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS + "idle-delay=uint32 0\n", WRITTEN)))
			.as("the key set again in the same file").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file("/etc/dconf/db/local.d/99-user",
				"[org/gnome/desktop/session]\nidle-delay=uint32 0\n", WRITTEN)))
			.as("a later keyfile overriding it").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file("/etc/dconf/db/site.d/00-screensaver", SETTINGS, WRITTEN)
			.withoutFile(KEYFILE))).as("set in a database the profile does not name").isFalse();
	}

	@Test
	void linuxScreenLockFailsWhenAKeyIsNotLockedTheProfileLacksTheDatabaseOrItWasNotCompiled() {
		assertThat(linuxScreenLock(gnomeLockedDown().file(LOCKS, LOCKED.replace("/org/gnome/desktop/session/idle-delay\n",
				""), WRITTEN))).as("idle delay unlocked").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(LOCKS, LOCKED.replace("/org/gnome/desktop/screensaver/lock-enabled",
				"# /org/gnome/desktop/screensaver/lock-enabled"), WRITTEN))).as("lock commented out").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(LOCKS, LOCKED.replace("lock-delay", "lock-delay-x"),
				WRITTEN))).as("another key locked").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().withoutFile(LOCKS))).as("no locks").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().withoutFile(PROFILE))).as("no profile").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(PROFILE, "user-db:user\n", WRITTEN)))
			.as("profile without the local database").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(PROFILE, "user-db:user\n#system-db:local\n", WRITTEN)))
			.as("local database commented out").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().withoutFile(DATABASE))).as("never compiled").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().file(KEYFILE, SETTINGS, COMPILED + 1)))
			.as("keyfile changed after dconf update").isFalse();
		assertThat(linuxScreenLock(new OsqueryStandIn())).as("no file at all").isFalse();
		assertThat(linuxScreenLock(gnomeLockedDown().withoutFile(KEYFILE))).as("no keyfile").isFalse();
	}

	@Test
	void windowsNoLocalBackupPassesOnlyWhenThePolicyTurnsFileHistoryOff() {
		String q = query("no-local-backup", "windows");
		assertThat(new OsqueryStandIn().registry(FILE_HISTORY_OFF, "REG_DWORD", "1").passes(q)).isTrue();
		assertThat(new OsqueryStandIn().registry(FILE_HISTORY_OFF, "REG_DWORD", "0").passes(q)).isFalse();
		assertThat(new OsqueryStandIn().passes(q)).as("no policy, nobody using File History").isFalse();
		assertThat(new OsqueryStandIn().registry(FILE_HISTORY_OFF.replace("Disabled", "Enabled"), "REG_DWORD", "1")
			.passes(q)).isFalse();
	}

	@Test
	void windowsScreenLockPassesOnAnInactivityLimitOfOneTo900Seconds() {
		String q = query("screen-lock", "windows");
		String limit = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\InactivityTimeoutSecs";
		assertThat(new OsqueryStandIn().registry(limit, "REG_DWORD", "900").passes(q)).isTrue();
		assertThat(new OsqueryStandIn().registry(limit, "REG_DWORD", "0").passes(q)).isFalse();
		assertThat(new OsqueryStandIn().registry(limit, "REG_DWORD", "901").passes(q)).isFalse();
		assertThat(new OsqueryStandIn().passes(q)).isFalse();
	}

	@Test
	void theNewQueriesAreNewVersionsOfTheirChecksWithTheVersionInForceKeptInTheHistory() {
		assertThat(shipped.sql("""
				select c.id || ' ' || c.version || ' ' || v.changed_by from device_check c
				join device_check_version v on v.check_id = c.id and v.version = c.version
				where v.query_linux is not distinct from c.query_linux
				  and v.query_windows is not distinct from c.query_windows
				  and v.query_darwin is not distinct from c.query_darwin order by c.position""")
			.query(String.class).list()).containsExactly("screen-lock 3 system", "disk-encryption 1 system",
					"managed 2 system", "removable-storage-blocked 2 system", "no-local-backup 3 system");
		assertThat(shipped.sql("select count(*) from device_check_version where check_id = 'screen-lock'")
			.query(Integer.class).single()).isEqualTo(3);
		// The platforms a version does not touch keep the query of the version before.
		assertThat(shipped.sql("""
				select count(*) from device_check_version a join device_check_version b
				  on b.check_id = a.check_id and b.version = a.version + 1
				where a.check_id = 'managed' and a.query_linux = b.query_linux and a.query_darwin <> b.query_darwin
				  and a.query_windows <> b.query_windows""").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aQuerySecurityAlreadyChangedIsKept() {
		DriverManagerDataSource data = migrated("2026.12.08.0162");
		JdbcClient db = JdbcClient.create(data);
		changedBySecurity(db, "screen-lock", "query_linux", "SELECT 1 FROM dconf_read;");
		changedBySecurity(db, "no-local-backup", "query_windows", "SELECT 1 FROM registry WHERE 0;");
		Flyway.configure().dataSource(data).locations("classpath:db/migration/devices").target("2026.12.09.2314").load()
			.migrate();
		assertThat(db.sql("select id || ' ' || version || ' ' || coalesce(query_linux, query_windows) from device_check "
				+ "where id in ('screen-lock', 'no-local-backup') order by id").query(String.class).list())
			.containsExactly("no-local-backup 2 SELECT 1 FROM registry WHERE 0;",
					"screen-lock 2 SELECT 1 FROM dconf_read;");
	}

	@Test
	void aPlatformSecurityAlreadyChangedKeepsItsQueryAndTheOthersTakeTheNewOne() {
		DriverManagerDataSource data = migrated("2026.12.09.2314");
		JdbcClient db = JdbcClient.create(data);
		String oneMdm = "SELECT 1 FROM mdm WHERE enrolled = 'true' AND server_url LIKE 'https://mdm.example.test/%';";
		changedBySecurity(db, "managed", "query_darwin", oneMdm);
		changedBySecurity(db, "removable-storage-blocked", "query_darwin", "SELECT 1 FROM santa;");
		changedBySecurity(db, "removable-storage-blocked", "query_linux", "SELECT 1 FROM usbguard;");
		changedBySecurity(db, "screen-lock", "query_darwin", "SELECT 1 FROM managed_policies;");
		String windowsBefore = db.sql("select query_windows from device_check where id = 'managed'").query(String.class)
			.single();
		Flyway.configure().dataSource(data).locations("classpath:db/migration/devices").load().migrate();

		assertThat(db.sql("select version || ' ' || query_darwin from device_check where id = 'managed'")
			.query(String.class).single()).isEqualTo("3 " + oneMdm);
		assertThat(db.sql("select query_windows from device_check where id = 'managed'").query(String.class).single())
			.isNotEqualTo(windowsBefore).contains("Enrollments");
		assertThat(db.sql("select version || ' ' || query_darwin || ' ' || query_linux from device_check "
				+ "where id = 'removable-storage-blocked'").query(String.class).single())
			.isEqualTo("3 SELECT 1 FROM santa; SELECT 1 FROM usbguard;");
		assertThat(db.sql("select count(*) from device_check_version where check_id = 'removable-storage-blocked'")
			.query(Integer.class).single()).as("both platforms changed by SECURITY: no version added").isEqualTo(3);
		assertThat(db.sql("select version || ' ' || query_darwin from device_check where id = 'screen-lock'")
			.query(String.class).single()).isEqualTo("3 SELECT 1 FROM managed_policies;");
		assertThat(db.sql("select version from device_check where id = 'no-local-backup'").query(Integer.class).single())
			.isEqualTo(3);
	}

	/** A new version of the check with one platform's query changed, as CheckSteps writes it. */
	private static void changedBySecurity(JdbcClient db, String check, String column, String query) {
		db.sql("update device_check set version = version + 1, " + column + " = :q where id = :id").param("q", query)
			.param("id", check).update();
		db.sql("""
				insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux,
				  enabled, changed_at, changed_by)
				select id, version, clause, query_darwin, query_windows, query_linux, true, current_timestamp,
				  'security@example.test'
				from device_check where id = :id""").param("id", check).update();
	}

	// Managed (S6)

	@Test
	void macManagedPassesOnAnyMdmEnrolmentAutomatedOrNot() {
		String q = query("managed", "darwin");
		assertThat(new OsqueryStandIn().row("mdm", "enrolled", "true", "installed_from_dep", "false",
				"user_approved", "true").passes(q)).as("personally owned, enrolled by its user").isTrue();
		assertThat(new OsqueryStandIn().row("mdm", "enrolled", "true", "installed_from_dep", "true").passes(q)).isTrue();
		assertThat(new OsqueryStandIn().row("mdm", "enrolled", "false", "installed_from_dep", "false").passes(q))
			.isFalse();
		assertThat(new OsqueryStandIn().passes(q)).isFalse();
	}

	private static final String ENROLMENT = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Enrollments\\";

	private static OsqueryStandIn windowsEnrolment(String key, String state, String discovery) {
		OsqueryStandIn machine = new OsqueryStandIn();
		return enrolment(machine, key, state, discovery);
	}

	private static OsqueryStandIn enrolment(OsqueryStandIn machine, String key, String state, String discovery) {
		if (state != null) {
			machine.registry(ENROLMENT + key + "\\EnrollmentState", "REG_DWORD", state);
		}
		if (discovery != null) {
			machine.registry(ENROLMENT + key + "\\DiscoveryServiceFullURL", "REG_SZ", discovery);
		}
		return machine.registry(ENROLMENT + key + "\\ProviderID", "REG_SZ", "MS DM Server");
	}

	@Test
	void windowsManagedPassesOnAnEnrolledMdmEnrolmentInTheRegistry() {
		String q = query("managed", "windows");
		String intune = "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc";
		String guid = "6F8B2D1E-0C3A-4E59-9B7D-2A1C5E8F4D30";
		assertThat(windowsEnrolment(guid, "1", intune).passes(q)).isTrue();
		assertThat(enrolment(windowsEnrolment("AAAA0000-0000-0000-0000-000000000000", "1", null), guid, "1", intune)
			.passes(q)).as("beside a local enrolment without discovery service").isTrue();
		assertThat(windowsEnrolment(guid, "3", intune).passes(q)).as("enrolment failed").isFalse();
		assertThat(windowsEnrolment(guid, "0", intune).passes(q)).as("state unknown").isFalse();
		assertThat(windowsEnrolment(guid, null, intune).passes(q)).as("no state").isFalse();
		assertThat(windowsEnrolment(guid, "1", null).passes(q)).as("no MDM discovery service").isFalse();
		assertThat(windowsEnrolment(guid, "1", "").passes(q)).isFalse();
		assertThat(enrolment(windowsEnrolment(guid, "1", null), "BBBB0000-0000-0000-0000-000000000000", "4", intune)
			.passes(q)).as("state and service of two different enrolments").isFalse();
		assertThat(new OsqueryStandIn().row("mdm_bridge", "enrollment_status", "enrolled").passes(q))
			.as("Fleet's table is not read").isFalse();
		assertThat(new OsqueryStandIn().passes(q)).isFalse();
	}

	// Removable storage (S7)

	private static final String MAC_RESTRICTIONS = "/Library/Managed Preferences/com.apple.systemuiserver.plist";

	/** The managed Restrictions as osquery's plist table flattens mount-controls: one row per media action. */
	private static OsqueryStandIn macMountControls(String path, String media, String... actions) {
		OsqueryStandIn machine = new OsqueryStandIn();
		for (int i = 0; i < actions.length; i++) {
			machine.row("plist", "path", path, "key", "mount-controls", "subkey", media + "/" + i, "value", actions[i]);
		}
		return machine;
	}

	@Test
	void macRemovableStoragePassesOnlyWhenTheManagedRestrictionsDenyExternalDisks() {
		String q = query("removable-storage-blocked", "darwin");
		assertThat(macMountControls(MAC_RESTRICTIONS, "harddisk-external", "deny", "eject").passes(q)).isTrue();
		assertThat(macMountControls(MAC_RESTRICTIONS, "harddisk-external", "read-only").passes(q)).isFalse();
		assertThat(macMountControls(MAC_RESTRICTIONS, "harddisk-external", "authenticate").passes(q)).isFalse();
		assertThat(macMountControls(MAC_RESTRICTIONS, "dvd", "deny").passes(q)).as("another medium").isFalse();
		assertThat(macMountControls("/Library/Preferences/com.apple.systemuiserver.plist", "harddisk-external", "deny")
			.passes(q)).as("not a managed preference").isFalse();
		assertThat(new OsqueryStandIn().passes(q)).as("no profile, no volume mounted").isFalse();
	}

	private static final String USB_CONF = "/etc/modprobe.d/usb-storage.conf";

	private static boolean linuxRemovableStorage(OsqueryStandIn machine) {
		return machine.passes(query("removable-storage-blocked", "linux"));
	}

	@Test
	void linuxRemovableStoragePassesWhenUsbStorageIsBlacklistedOrNeverLoadedAndNotLoaded() {
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file(USB_CONF, "install usb-storage /bin/false\n",
				WRITTEN))).isTrue();
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file(USB_CONF, "install usb-storage /bin/true", WRITTEN)))
			.isTrue();
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file("/etc/modprobe.d/blacklist.conf", """
				# Set by IT: S7
				blacklist firewire-core
				  blacklist\tusb_storage
				install usb-storage /usr/bin/false
				""", WRITTEN))).isTrue();
	}

	@Test
	void linuxRemovableStorageFailsWhenTheModuleIsLoadedOrNothingBlocksIt() {
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file(USB_CONF, "blacklist usb-storage\n", WRITTEN)
			.row("kernel_modules", "name", "usb_storage", "status", "Live"))).as("loaded already").isFalse();
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file(USB_CONF, "#blacklist usb-storage\n", WRITTEN)))
			.as("commented out").isFalse();
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file(USB_CONF, "install usb-storage /bin/sh -c true\n",
				WRITTEN))).isFalse();
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file(USB_CONF, "blacklist usb-storage-extra\n", WRITTEN)))
			.as("another module").isFalse();
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file(USB_CONF + ".disabled", "blacklist usb-storage\n",
				WRITTEN))).as("a file modprobe does not read").isFalse();
		assertThat(linuxRemovableStorage(new OsqueryStandIn().file("/etc/modprobe.d/old/usb.conf",
				"blacklist usb-storage\n", WRITTEN))).as("a sub-folder modprobe does not read").isFalse();
		assertThat(linuxRemovableStorage(new OsqueryStandIn())).as("not loaded, nothing blocks it").isFalse();
	}

	// No local backup (S7)

	private static final String TIME_MACHINE = "/Library/Preferences/com.apple.TimeMachine.plist";

	/** Time Machine's preferences with AutoBackup as osquery's plist table reads a boolean (1 or 0). */
	private static OsqueryStandIn timeMachine(String autoBackup) {
		return new OsqueryStandIn().row("plist", "path", TIME_MACHINE, "key", "AutoBackup", "subkey", "", "value",
				autoBackup);
	}

	@Test
	void macNoLocalBackupPassesWhenTimeMachineIsOffWithoutDestination() {
		String q = query("no-local-backup", "darwin");
		assertThat(timeMachine("0").passes(q)).isTrue();
		assertThat(timeMachine("0").row("plist", "path", TIME_MACHINE, "key", "Destinations", "subkey", "", "value", "")
			.passes(q)).as("an empty list of destinations").isTrue();
		assertThat(timeMachine("1").passes(q)).isFalse();
		assertThat(timeMachine("0").row("plist", "path", TIME_MACHINE, "key", "Destinations", "subkey", "DestinationID",
				"value", "0F2A7C3E-5B1D-4E8A-9C6F-3D2B1A0E9F87").passes(q)).as("a destination left for manual backups")
			.isFalse();
		assertThat(new OsqueryStandIn().passes(q)).as("Time Machine's preferences unreadable or absent").isFalse();
	}

	// Screen lock (S5)

	private static OsqueryStandIn macScreenSaver(String username, String idleTime, String askForPassword,
			String delay) {
		OsqueryStandIn machine = new OsqueryStandIn();
		String[][] values = { { "idleTime", idleTime }, { "askForPassword", askForPassword },
				{ "askForPasswordDelay", delay } };
		for (String[] v : values) {
			if (v[1] != null) {
				machine.row("managed_policies", "domain", "com.apple.screensaver", "name", v[0], "value", v[1],
						"username", username, "manual", "0");
			}
		}
		return machine;
	}

	@Test
	void macScreenLockCountsThePasswordDelayIntoTheFifteenMinutes() {
		String q = query("screen-lock", "darwin");
		assertThat(macScreenSaver("", "600", "1", "0").passes(q)).isTrue();
		assertThat(macScreenSaver("", "900", "1", "0").passes(q)).isTrue();
		assertThat(macScreenSaver("", "840", "1", "60").passes(q)).isTrue();
		assertThat(macScreenSaver("jdoe", "300", "1", "5").passes(q)).as("one user's managed preferences").isTrue();
		assertThat(macScreenSaver("", "900", "1", "5").passes(q)).as("locked after 905 s").isFalse();
		assertThat(macScreenSaver("", "600", "1", "3600").passes(q)).isFalse();
		assertThat(macScreenSaver("", "600", "1", null).passes(q)).as("the delay left to the user").isFalse();
		assertThat(macScreenSaver("", "600", "0", "0").passes(q)).as("no password asked").isFalse();
		assertThat(macScreenSaver("", "0", "1", "0").passes(q)).as("never idle").isFalse();
		assertThat(macScreenSaver("", "600", "1", "-5").passes(q)).isFalse();
		assertThat(macScreenSaver("", "600", null, "0").passes(q)).isFalse();
		assertThat(macScreenSaver("", "600", "1", null)
			.row("managed_policies", "domain", "com.apple.screensaver", "name", "askForPasswordDelay", "value", "0",
					"username", "other", "manual", "0")
			.passes(q)).as("the delay set for another user only").isFalse();
		assertThat(new OsqueryStandIn().passes(q)).isFalse();
	}
}
