package io.charter.devices.mdm;

import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.Devices;
import io.charter.platform.Utc;

/** The {@code device} table as MDM exports write it: devices known by their serial numbers. */
@Repository
class ImportedDevices {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcOperations batches;

	ImportedDevices(JdbcClient jdbc, NamedParameterJdbcOperations batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** A device known by its serial number (as MDM exports name devices): the one seen last, when several share it. */
	record BySerial(UUID id, UUID ownerId) {
	}

	/**
	 * The devices known by these serial numbers, by serial in upper case, case ignored. One query for
	 * many serials: a serial in upper case has no index, so each look-up reads the whole table.
	 */
	Map<String, BySerial> bySerials(Collection<String> serials) {
		Map<String, BySerial> known = new HashMap<>();
		if (serials.isEmpty()) {
			return known;
		}
		jdbc.sql("""
				select id, owner_id, serial from device where upper(serial) in (:serials)
				order by revoked_at nulls first, last_seen_at desc""")
				.param("serials", serials.stream().map(ImportedDevices::key).distinct().toList())
				.query(rs -> {
					known.putIfAbsent(key(rs.getString("serial")),
							new BySerial(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class)));
				});
		return known;
	}

	static String key(String serial) {
		return serial.toUpperCase(Locale.ROOT);
	}

	/** A device from a row of an export, seen at the instant the row says (or now). */
	record Row(UUID id, MdmFile.Facts facts, UUID ownerId, Instant seen) {
	}

	/** Devices first known from an MDM export: no host identifier nor node key until osquery enrolls them. */
	void insert(List<Row> rows, Instant now) {
		batches.batchUpdate("""
				insert into device (id, hostname, platform, os_name, os_version, serial, hardware_model, owner_id,
				  owner_source, enrolled_at, last_seen_at, source)
				values (:id, :label, :platform, :osName, :osVersion, :serial, :model, :owner, :ownerSource, :now, :seen, 'mdm')""",
				rows.stream().map(r -> parameters(r).addValue("ownerSource", r.ownerId() == null ? null : Devices.FROM_MDM, Types.VARCHAR)
						.addValue("label", r.facts().name() == null ? r.facts().serial() : r.facts().name())
						.addValue("owner", r.ownerId()).addValue("now", Utc.odt(now))).toArray(SqlParameterSource[]::new));
	}

	/**
	 * Updates devices from an MDM export: one first known from an export takes the export's details;
	 * one osquery enrolled keeps what osquery reported (more exact) and takes the export's only where
	 * it has none. Last seen moves forward only.
	 */
	void update(List<Row> rows) {
		batches.batchUpdate("""
				update device set
				  hostname = case when source = 'mdm' then coalesce(:hostname, hostname) else coalesce(hostname, :hostname) end,
				  platform = case when source = 'mdm' then coalesce(:platform, platform) else coalesce(platform, :platform) end,
				  os_name = case when source = 'mdm' then coalesce(:osName, os_name) else coalesce(os_name, :osName) end,
				  os_version = case when source = 'mdm' then coalesce(:osVersion, os_version) else coalesce(os_version, :osVersion) end,
				  hardware_model = case when source = 'mdm' then coalesce(:model, hardware_model) else coalesce(hardware_model, :model) end,
				  last_seen_at = greatest(last_seen_at, :seen)
				where id = :id""", rows.stream().map(ImportedDevices::parameters).toArray(SqlParameterSource[]::new));
	}

	private static MapSqlParameterSource parameters(Row r) {
		MdmFile.Facts f = r.facts();
		// Typed, so that a null is bound alike in every row of the batch and on either database.
		return new MapSqlParameterSource().addValue("id", r.id()).addValue("seen", Utc.odt(r.seen()))
				.addValue("hostname", f.name(), Types.VARCHAR).addValue("platform", f.platform(), Types.VARCHAR)
				.addValue("osName", f.os(), Types.VARCHAR).addValue("osVersion", f.osVersion(), Types.VARCHAR)
				.addValue("serial", f.serial(), Types.VARCHAR).addValue("model", f.model(), Types.VARCHAR);
	}
}
