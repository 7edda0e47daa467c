package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.web.ApprovalView;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The devices' controls for the compliance table: one per posture check (S5 screen lock, S6 managed
 * and encrypted, S7 removable storage and local backup), items being the devices not revoked, one
 * for S6's approved software and one for S8's prohibited software. A device whose check does not pass (fails or is unknown) counts as
 * exempted when an exemption covers it, never as met. Three queries for the fleet, plus the catalogue,
 * the prohibited list and the exemptions in force, read once.
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

	DeviceControls(Checks checks, Software software, DeviceExemptions exemptions, DevicesSettings settings,
			Clock clock) {
		this.clock = clock;
		this.checks = checks;
		this.software = software;
		this.exemptions = exemptions;
		this.settings = settings;
	}

	/** Count of one control's items. */
	private static final class Tally {
		final String clause;
		long met;
		long of;
		long exempted;

		Tally(String clause) {
			this.clause = clause;
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<Control> controls(LocalDate today) {
		ExemptionsInForce inForce = exemptions.inForce(today);
		Map<String, Tally> byCheck = new LinkedHashMap<>();
		checks.clauses().forEach((check, clause) -> byCheck.put(check, new Tally(clause)));
		Set<UUID> devices = new HashSet<>();
		Map<UUID, UUID> owners = new HashMap<>();
		Instant staleBefore = clock.instant().minus(settings.staleAfter());
		for (Checks.Latest l : checks.latest()) {
			devices.add(l.device());
			owners.put(l.device(), l.owner());
			Tally tally = byCheck.computeIfAbsent(l.check(), c -> new Tally(l.clause()));
			tally.of++;
			boolean stale = l.check().equals(MANAGED) && l.lastSeen().isBefore(staleBefore);
			if (Boolean.TRUE.equals(l.passed()) && !stale) {
				tally.met++;
			}
			else if (DeviceExemptions.covers(inForce, l.clause(), l.check(), l.device(), l.owner())) {
				tally.exempted++;
			}
		}
		List<Control> controls = new ArrayList<>();
		byCheck.forEach((check, t) -> controls.add(Control.share("device-" + check, "devices.check." + check,
				Set.of(t.clause), t.met, t.of, t.exempted, settings.controlTarget(), "devices.control.figure", LINK)));
		controls.addAll(softwareControls(devices, new SoftwareSteps.Rules(software.catalogue(), software.prohibitions(), inForce)));
		return controls;
	}

	/**
	 * S6, approved software only, and S8, no prohibited software: a device meets one when it reported
	 * its software and has no such finding; it is exempted when every such finding is covered. A device
	 * that never reported its software meets neither: nothing is known of it.
	 */
	private List<Control> softwareControls(Set<UUID> devices, SoftwareSteps.Rules rules) {
		Set<UUID> reported = new HashSet<>();
		Map<Boolean, Set<UUID>> findings = Map.of(false, new HashSet<>(), true, new HashSet<>());
		Map<Boolean, Set<UUID>> uncovered = Map.of(false, new HashSet<>(), true, new HashSet<>());
		for (Software.Installed item : software.all()) {
			reported.add(item.deviceId());
			if (rules.finding(item)) {
				// An unapproved item counts against S6; a prohibited one against S8 as well.
				for (boolean prohibited : rules.prohibited(item) ? List.of(false, true) : List.of(false)) {
					findings.get(prohibited).add(item.deviceId());
					if (!rules.exempted(item)) {
						uncovered.get(prohibited).add(item.deviceId());
					}
				}
			}
		}
		reported.retainAll(devices);
		return List.of(
				share(APPROVED_SOFTWARE, APPROVED_CLAUSE, devices, reported, findings.get(false), uncovered.get(false)),
				share(PROHIBITED_SOFTWARE, PROHIBITED_CLAUSE, devices, reported, findings.get(true), uncovered.get(true)));
	}

	private Control share(String id, String clause, Set<UUID> devices, Set<UUID> reported, Set<UUID> findings,
			Set<UUID> uncovered) {
		long met = reported.stream().filter(d -> !findings.contains(d)).count();
		long exempted = findings.stream().filter(d -> devices.contains(d) && !uncovered.contains(d)).count();
		String key = "devices.control." + id.substring("device-".length());
		return Control.share(id, key, Set.of(clause), met, devices.size(), exempted, settings.controlTarget(),
				key + ".figure", SoftwareController.PATH);
	}
}
