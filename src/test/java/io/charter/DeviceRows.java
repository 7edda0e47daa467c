package io.charter;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.platform.Secrets;

/** Enrolled devices written straight into the inventory, as osquery would have enrolled them. */
public final class DeviceRows {

	private DeviceRows() {
	}

	/** A Windows device of this owner (null: nobody) with this hostname, enrolled and seen now. */
	public static UUID enrolled(JdbcClient jdbc, UUID owner, String hostname) {
		UUID secret = UUID.randomUUID();
		UUID device = UUID.randomUUID();
		jdbc.sql("""
				insert into enroll_secret (id, name, secret_hash, created_at, created_by)
				values (:id, 'Test laptops', :hash, current_timestamp, 'system')""")
				.param("id", secret).param("hash", Secrets.hash(secret.toString())).update();
		jdbc.sql("""
				insert into device (id, host_identifier, node_key_hash, enroll_secret_id, hostname, platform, os_name,
				  os_version, owner_id, enrolled_at, last_seen_at)
				values (:id, :host, :key, :secret, :hostname, 'windows', 'Microsoft Windows 11 Enterprise', '10.0.22631',
				  :owner, current_timestamp, current_timestamp)""")
				.param("id", device).param("host", device.toString()).param("key", Secrets.hash(device.toString()))
				.param("secret", secret).param("hostname", hostname).param("owner", owner).update();
		return device;
	}

	/** The device answered the check (passed or failed) at this time. */
	public static void answered(JdbcClient jdbc, UUID device, String check, boolean passed, java.time.Instant at) {
		jdbc.sql("""
				insert into check_result (id, device_id, check_id, checked_at, passed)
				values (:id, :device, :check, :at, :passed)""").param("id", UUID.randomUUID()).param("device", device)
				.param("check", check).param("at", io.charter.platform.Utc.odt(at)).param("passed", passed).update();
		latest(jdbc, device, check, passed, at);
	}

	/** Keeps the device's latest answer to the check, as the devices module does with every answer it records. */
	public static void latest(JdbcClient jdbc, UUID device, String check, Boolean passed, java.time.Instant at) {
		var when = io.charter.platform.Utc.odt(at);
		int updated = jdbc.sql("""
				update check_latest set checked_at = :at, passed = :passed
				where device_id = :device and check_id = :check and checked_at <= :at""").param("device", device)
				.param("check", check).param("at", when).param("passed", passed).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into check_latest (device_id, check_id, checked_at, passed)
					select :device, :check, :at, :passed from device_check
					where id = :check and not exists (select 1 from check_latest where device_id = :device and check_id = :check)""")
					.param("device", device).param("check", check).param("at", when).param("passed", passed).update();
		}
	}
}
