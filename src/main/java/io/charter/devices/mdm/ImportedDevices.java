package io.charter.devices.mdm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.Devices;
import io.charter.platform.Utc;

/** The {@code device} table as MDM exports write it: devices known by their serial numbers. */
@Repository
class ImportedDevices {

	private final JdbcClient jdbc;

	ImportedDevices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A device known by its serial number (as MDM exports name devices): the one seen last, when several share it. */
	record BySerial(UUID id, UUID ownerId) {
	}

	Optional<BySerial> bySerial(String serial) {
		return jdbc.sql("""
				select id, owner_id from device where upper(serial) = upper(:serial)
				order by revoked_at nulls first, last_seen_at desc fetch first 1 rows only""").param("serial", serial)
				.query((rs, n) -> new BySerial(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class)))
				.optional();
	}

	/** A device first known from an MDM export: no host identifier nor node key until osquery enrolls it. */
	void insertImported(UUID id, MdmFile.Facts facts, UUID ownerId, Instant seen, Instant now) {
		jdbc.sql("""
				insert into device (id, hostname, platform, os_name, os_version, serial, hardware_model, owner_id,
				  owner_source, enrolled_at, last_seen_at, source)
				values (:id, :label, :platform, :osName, :osVersion, :serial, :model, :owner, :ownerSource, :now, :seen, 'mdm')""")
				.param("id", id).param("ownerSource", ownerId == null ? null : Devices.FROM_MDM).params(importParameters(facts)).param("label", facts.name() == null ? facts.serial() : facts.name())
				.param("owner", ownerId).param("now", Utc.odt(now))
				.param("seen", Utc.odt(seen)).update();
	}

	/**
	 * Updates a device from an MDM export: one first known from an export takes the export's details;
	 * one osquery enrolled keeps what osquery reported (more exact) and takes the export's only where
	 * it has none. Last seen moves forward only.
	 */
	void updateImported(UUID id, MdmFile.Facts facts, Instant seen) {
		jdbc.sql("""
				update device set
				  hostname = case when source = 'mdm' then coalesce(:hostname, hostname) else coalesce(hostname, :hostname) end,
				  platform = case when source = 'mdm' then coalesce(:platform, platform) else coalesce(platform, :platform) end,
				  os_name = case when source = 'mdm' then coalesce(:osName, os_name) else coalesce(os_name, :osName) end,
				  os_version = case when source = 'mdm' then coalesce(:osVersion, os_version) else coalesce(os_version, :osVersion) end,
				  hardware_model = case when source = 'mdm' then coalesce(:model, hardware_model) else coalesce(hardware_model, :model) end,
				  last_seen_at = greatest(last_seen_at, :seen)
				where id = :id""").param("id", id).params(importParameters(facts)).param("seen", Utc.odt(seen)).update();
	}

	private static Map<String, Object> importParameters(MdmFile.Facts f) {
		Map<String, Object> p = new HashMap<>();
		p.put("hostname", f.name());
		p.put("platform", f.platform());
		p.put("osName", f.os());
		p.put("osVersion", f.osVersion());
		p.put("serial", f.serial());
		p.put("model", f.model());
		return p;
	}

}
