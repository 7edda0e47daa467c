package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.web.ApprovalView;
import io.charter.shared.control.Control;
import io.charter.platform.Utc;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.EvidenceRows;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The devices' controls for the compliance table: one per posture check (S5 screen lock, S6 managed
 * and encrypted, S7 removable storage and local backup), items being the devices not revoked, one
 * for S6's approved software and one for S8's prohibited software. A device whose check does not pass (fails or is unknown) counts as
 * exempted when an exemption covers it, never as met. The posture checks' passing devices are counted by
 * one grouped query, the software controls by another; the exemptions in force are read once.
 */
@Component
class DeviceControls implements ControlReport {

	static final String APPROVED_CLAUSE = "S6";
	static final String APPROVED_SOFTWARE = "device-approved-software";
	static final String PROHIBITED_CLAUSE = "S8";
	static final String PROHIBITED_SOFTWARE = "device-prohibited-software";
	static final String LINK = "/devices";
	/** The check a stale device never meets: a device out of sight is not known to be managed. */
	static final String MANAGED = "managed";

	private final Checks checks;
	private final Software software;
	private final DeviceExemptions exemptions;
	private final DevicesSettings settings;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final ZoneId zone;

	DeviceControls(Checks checks, Software software, DeviceExemptions exemptions, DevicesSettings settings,
			Clock clock, JdbcClient jdbc, @Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.zone = zone;
		this.checks = checks;
		this.software = software;
		this.exemptions = exemptions;
		this.settings = settings;
	}

	/** A device that does not meet a check: a failed, unknown or stale answer, or none. */
	private record Unmet(UUID device, UUID owner) {
	}

	/**
	 * The posture checks are counted in the database, one row per check whatever the fleet's size; the
	 * devices that do not meet a check are read only when an exemption in force could cover that check,
	 * and then asked one by one exactly as the device's own page asks.
	 */
	@Override
	@Transactional(readOnly = true)
	public List<Control> controls(LocalDate today) {
		ExemptionsInForce inForce = exemptions.inForce(today);
		Instant staleBefore = clock.instant().minus(settings.staleAfter());
		long devices = jdbc.sql("select count(*) from device where revoked_at is null").query(Long.class).single();
		Map<String, Long> passing = passing(staleBefore);
		List<Control> controls = new ArrayList<>();
		checks.clauses().forEach((check, clause) -> {
			long met = passing.getOrDefault(check, 0L);
			long exempted = met == devices || !couldCover(inForce, clause, check) ? 0
					: unmet(check, staleBefore).stream()
							.filter(u -> DeviceExemptions.covers(inForce, clause, check, u.device(), u.owner())).count();
			controls.add(Control.share("device-" + check, "devices.check." + check, Set.of(clause), met,
					devices, exempted, settings.controlTarget(), "devices.control.figure", LINK));
		});
		controls.addAll(softwareControls(devices, inForce));
		return controls;
	}

	/**
	 * Per check, the unrevoked devices whose latest answer passed (every unrevoked device is an item of
	 * every enabled check); a device out of sight since {@code staleBefore} never meets {@link #MANAGED}.
	 */
	private Map<String, Long> passing(Instant staleBefore) {
		Map<String, Long> passing = new HashMap<>();
		jdbc.sql("""
				select r.check_id, count(*) met from check_latest r join device d on d.id = r.device_id
				where d.revoked_at is null and r.passed = true and (r.check_id <> :managed or d.last_seen_at >= :stale)
				group by r.check_id""").param("managed", MANAGED).param("stale", Utc.odt(staleBefore))
				.query(rs -> {
					passing.put(rs.getString("check_id"), rs.getLong("met"));
				});
		return passing;
	}

	/** Whether any exemption in force names this check of the clause (or the whole clause). */
	private static boolean couldCover(ExemptionsInForce inForce, String clause, String check) {
		return inForce.grants().stream().anyMatch(g -> g.clause().equals(clause) && (g.check() == null || g.check().equals(check)));
	}

	/** The unrevoked devices that do not meet the check, with the person each is assigned to. */
	private List<Unmet> unmet(String check, Instant staleBefore) {
		return jdbc.sql("""
				select d.id, d.owner_id from device d
				left join check_latest r on r.device_id = d.id and r.check_id = :check
				where d.revoked_at is null and (r.passed is null or r.passed = false""" + (check.equals(MANAGED)
				? " or d.last_seen_at < :stale)" : ")")).param("check", check)
				.params(check.equals(MANAGED) ? Map.of("stale", Utc.odt(staleBefore)) : Map.of())
				.query((rs, n) -> new Unmet(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class))).list();
	}

	/**
	 * A posture check's evidence: per device, its answers to the check within the period and when it
	 * last passed. Devices by id and serial (the asset, not its user); one grouped query, so a fleet
	 * answering daily for a year gives one row per device, not one per answer.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<EvidenceRows> evidence(String controlId, LocalDate from, LocalDate to) {
		String check = controlId.startsWith("device-") ? controlId.substring("device-".length()) : "";
		if (!checks.clauses().containsKey(check)) {
			return Optional.empty();
		}
		List<List<String>> rows = jdbc.sql("""
				select r.device_id, d.serial, count(*),
				  sum(case when r.passed = true then 1 else 0 end), sum(case when r.passed = false then 1 else 0 end),
				  sum(case when r.passed is null then 1 else 0 end), min(r.checked_at), max(r.checked_at),
				  max(case when r.passed = true then r.checked_at end)
				from check_result r join device d on d.id = r.device_id
				where r.check_id = :check and r.checked_at >= :from and r.checked_at < :to
				group by r.device_id, d.serial order by r.device_id""").param("check", check)
				.param("from", Utc.odt(from.atStartOfDay(zone).toInstant()))
				.param("to", Utc.odt(to.plusDays(1).atStartOfDay(zone).toInstant()))
				.query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), text(Utc.instant(rs, 7)),
						text(Utc.instant(rs, 8)), text(Utc.instant(rs, 9))))
				.list();
		return Optional.of(new EvidenceRows(List.of("device_id", "serial", "answers", "passed", "failed", "unknown",
				"first_answer_at", "last_answer_at", "last_passed_at"), rows));
	}

	private static String text(Instant at) {
		return at == null ? null : at.toString();
	}

	/**
	 * S6, approved software only, and S8, no prohibited software: a device meets one when it reported
	 * its software and has no such finding; it is exempted when every such finding is covered. A device
	 * that never reported its software meets neither: nothing is known of it. Counted by the database
	 * ({@link Software#counts}), so the fleet's installed items never leave it.
	 */
	private List<Control> softwareControls(long devices, ExemptionsInForce inForce) {
		Software.Counts counts = software.counts(inForce);
		return List.of(
				share(APPROVED_SOFTWARE, APPROVED_CLAUSE, devices, counts.reported() - counts.unapproved(),
						counts.unapproved() - counts.unapprovedUncovered()),
				share(PROHIBITED_SOFTWARE, PROHIBITED_CLAUSE, devices, counts.reported() - counts.prohibited(),
						counts.prohibited() - counts.prohibitedUncovered()));
	}

	private Control share(String id, String clause, long devices, long met, long exempted) {
		String key = "devices.control." + id.substring("device-".length());
		return Control.share(id, key, Set.of(clause), met, devices, exempted, settings.controlTarget(),
				key + ".figure", SoftwareController.PATH);
	}
}
