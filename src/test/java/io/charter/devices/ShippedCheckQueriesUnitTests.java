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
		// An empty machine proves nothing, except the two checks that ask for an absence (no external
		// volume mounted, usb-storage not loaded) and Linux's "enrolled in Charter counts".
		assertThat(passed).containsExactlyInAnyOrder("managed linux",
				"removable-storage-blocked darwin", "removable-storage-blocked linux", "no-local-backup darwin");
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
	void theNewQueriesAreVersionTwoOfTheirChecksWithTheVersionInForceKeptInTheHistory() {
		assertThat(shipped.sql("""
				select c.id || ' ' || c.version || ' ' || v.changed_by from device_check c
				join device_check_version v on v.check_id = c.id and v.version = c.version
				where c.id in ('screen-lock', 'no-local-backup') and v.query_linux is not distinct from c.query_linux
				  and v.query_windows = c.query_windows and v.query_darwin = c.query_darwin order by c.id""")
			.query(String.class).list()).containsExactly("no-local-backup 2 system", "screen-lock 2 system");
		assertThat(shipped.sql("select count(*) from device_check_version where check_id = 'screen-lock'")
			.query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void aQuerySecurityAlreadyChangedIsKept() {
		DriverManagerDataSource data = migrated("2026.12.08.0162");
		JdbcClient db = JdbcClient.create(data);
		// As CheckSteps writes a version: SECURITY's own Linux screen lock and Windows backup queries.
		for (String[] change : new String[][] { { "screen-lock", "query_linux", "SELECT 1 FROM dconf_read;" },
				{ "no-local-backup", "query_windows", "SELECT 1 FROM registry WHERE 0;" } }) {
			db.sql("update device_check set version = 2, " + change[1] + " = :q where id = :id").param("q", change[2])
				.param("id", change[0]).update();
			db.sql("""
					insert into device_check_version (check_id, version, clause, query_darwin, query_windows, query_linux,
					  enabled, changed_at, changed_by)
					select id, 2, clause, query_darwin, query_windows, query_linux, true, current_timestamp, 'security@example.test'
					from device_check where id = :id""").param("id", change[0]).update();
		}
		Flyway.configure().dataSource(data).locations("classpath:db/migration/devices").load().migrate();
		assertThat(db.sql("select id || ' ' || version || ' ' || coalesce(query_linux, query_windows) from device_check "
				+ "where id in ('screen-lock', 'no-local-backup') order by id").query(String.class).list())
			.containsExactly("no-local-backup 2 SELECT 1 FROM registry WHERE 0;",
					"screen-lock 2 SELECT 1 FROM dconf_read;");
	}
}
