package io.charter.devices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.charter.devices.web.CheckState;
import io.charter.shared.exemption.ExemptionLookup;
import io.charter.shared.exemption.ExemptionSubject;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The security team's exemptions as the devices read them: asked once per page or report, then
 * item by item in memory. A device is covered through itself or the person it is assigned to. Where
 * no module answers the look-up, nothing is exempt.
 */
@Component
class DeviceExemptions {

	/** The outcome shown for a check that does not pass but is covered by an exemption. */
	static final String EXEMPTED = "exempted";

	private final ObjectProvider<ExemptionLookup> lookup;
	private final Clock clock;
	private final ZoneId zone;

	DeviceExemptions(ObjectProvider<ExemptionLookup> lookup, Clock clock,
			@Value("${charter.web.time-zone:Europe/Brussels}") ZoneId zone) {
		this.lookup = lookup;
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	ExemptionsInForce inForce(LocalDate day) {
		return lookup.getIfAvailable(() -> ExemptionLookup.NONE).inForce(day);
	}

	ExemptionsInForce inForce() {
		return inForce(today());
	}

	/** The check id an exemption names for a software item: {@code software:<name in lower case>}. */
	static String softwareCheck(String name) {
		return "software:" + name.toLowerCase(Locale.ROOT);
	}

	static boolean covers(ExemptionsInForce exemptions, String clause, String check, UUID device, UUID owner) {
		return exemptions.covers(clause, check, ExemptionSubject.device(device),
				owner == null ? null : ExemptionSubject.person(owner));
	}

	/** The device's checks, each one that does not pass shown as exempted where an exemption covers it. */
	static List<CheckState> apply(ExemptionsInForce exemptions, UUID device, UUID owner, List<CheckState> states) {
		return states.stream().map(c -> !"pass".equals(c.outcome()) && covers(exemptions, c.clause(), c.checkId(), device, owner)
				? new CheckState(c.checkId(), c.clause(), EXEMPTED, c.checkedAt())
				: c).toList();
	}
}
