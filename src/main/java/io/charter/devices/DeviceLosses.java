package io.charter.devices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import io.charter.devices.web.DeviceView;
import io.charter.platform.Utc;

/**
 * Devices reported lost or stolen, for the modules that take the report (premises' incidents): the
 * devices a reporter may choose from, and the mark the device page shows. The report is kept in its
 * own table so that the inventory's rows stay the inventory's.
 */
@Service
public class DeviceLosses {

	/** A device as a reporter chooses it: its id and the name the pages show. */
	public record Choice(UUID id, String name) {
	}

	private final Devices devices;
	private final JdbcClient jdbc;

	DeviceLosses(Devices devices, JdbcClient jdbc) {
		this.devices = devices;
		this.jdbc = jdbc;
	}

	/** The person's devices still enrolled; callers check who may see them. */
	@Transactional(readOnly = true)
	public List<Choice> ownedBy(UUID personId) {
		return devices.ofOwner(personId).stream().filter(d -> !d.revoked()).map(DeviceLosses::choice).toList();
	}

	/** Every device still enrolled, for the security team. */
	@Transactional(readOnly = true)
	public List<Choice> enrolled() {
		return devices.all().stream().filter(d -> !d.revoked()).map(DeviceLosses::choice).toList();
	}

	/**
	 * Marks the device reported lost or stolen.
	 *
	 * @param reference what reported it, for the security team to follow (premises:incident:id)
	 */
	@Transactional
	public void reportLost(UUID deviceId, String reference, Instant at) {
		jdbc.sql("insert into device_loss (id, device_id, reported_at, reference) values (:id, :device, :at, :ref)")
				.param("id", UUID.randomUUID()).param("device", deviceId).param("at", Utc.odt(at))
				.param("ref", reference).update();
	}

	/** When the device was last reported lost or stolen, if ever. */
	@Transactional(readOnly = true)
	public Optional<Instant> reportedLost(UUID deviceId) {
		return jdbc.sql("select reported_at from device_loss where device_id = :d order by reported_at desc limit 1")
				.param("d", deviceId).query((rs, row) -> Utc.instant(rs, "reported_at")).optional();
	}

	private static Choice choice(DeviceView d) {
		return new Choice(d.id(), d.name());
	}

	/** Gives the device page ({@code /devices/{id}}) the time it was reported lost, as {@code lostAt}. */
	@ControllerAdvice(assignableTypes = DevicesController.class)
	static class DevicePageMark {

		private final DeviceLosses losses;

		DevicePageMark(DeviceLosses losses) {
			this.losses = losses;
		}

		@ModelAttribute("lostAt")
		Instant lostAt(@PathVariable(name = "id", required = false) String id) {
			if (id == null) {
				return null;
			}
			try {
				return losses.reportedLost(UUID.fromString(id)).orElse(null);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
	}
}
