package io.charter.devices;

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
 * and encrypted, S7 removable storage and local backup), items being the devices not revoked, and
 * one for S6's approved software. A device whose check does not pass (fails or is unknown) counts as
 * exempted when an exemption covers it, never as met. Three queries for the fleet, plus the catalogue
 * and the exemptions in force, read once.
 */
@Component
class DeviceControls implements ControlReport {

	static final String APPROVED_CLAUSE = "S6";
	static final String APPROVED_SOFTWARE = "device-approved-software";
	static final String LINK = "/devices";

	private final Checks checks;
	private final Software software;
	private final DeviceExemptions exemptions;
	private final DevicesSettings settings;

	DeviceControls(Checks checks, Software software, DeviceExemptions exemptions, DevicesSettings settings) {
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
		for (Checks.Latest l : checks.latest()) {
			devices.add(l.device());
			owners.put(l.device(), l.owner());
			Tally tally = byCheck.computeIfAbsent(l.check(), c -> new Tally(l.clause()));
			tally.of++;
			if (Boolean.TRUE.equals(l.passed())) {
				tally.met++;
			}
			else if (DeviceExemptions.covers(inForce, l.clause(), l.check(), l.device(), l.owner())) {
				tally.exempted++;
			}
		}
		List<Control> controls = new ArrayList<>();
		byCheck.forEach((check, t) -> controls.add(Control.share("device-" + check, "devices.check." + check,
				Set.of(t.clause), t.met, t.of, t.exempted, settings.controlTarget(), "devices.control.figure", LINK)));
		controls.add(approvedSoftware(devices, inForce));
		return controls;
	}

	/**
	 * S6, approved software only: a device meets it when it reported its software and no item is
	 * unapproved; it is exempted when every unapproved item is covered. A device that never reported
	 * its software is not met: nothing is known of it.
	 */
	private Control approvedSoftware(Set<UUID> devices, ExemptionsInForce inForce) {
		List<ApprovalView> catalogue = software.catalogue();
		Set<UUID> reported = new HashSet<>();
		Set<UUID> findings = new HashSet<>();
		Set<UUID> uncovered = new HashSet<>();
		for (Software.Installed item : software.all()) {
			reported.add(item.deviceId());
			if (!SoftwareSteps.approved(catalogue, item)) {
				findings.add(item.deviceId());
				if (!SoftwareSteps.exempted(inForce, item)) {
					uncovered.add(item.deviceId());
				}
			}
		}
		reported.retainAll(devices);
		long met = reported.stream().filter(d -> !findings.contains(d)).count();
		long exempted = findings.stream().filter(d -> devices.contains(d) && !uncovered.contains(d)).count();
		return Control.share(APPROVED_SOFTWARE, "devices.control.approved-software", Set.of(APPROVED_CLAUSE), met,
				devices.size(), exempted, settings.controlTarget(), "devices.control.approved-software.figure",
				SoftwareController.PATH);
	}
}
