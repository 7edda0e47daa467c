package io.charter.devices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * Tells SECURITY on the dashboard how many devices fail a check (by their last answer) and how many
 * were not seen for {@code charter.devices.stale-after}. Two counting queries per visit.
 */
@Component
class DevicesAttention implements Attention {

	private final Devices devices;
	private final Checks checks;
	private final DevicesSettings settings;
	private final Clock clock;

	DevicesAttention(Devices devices, Checks checks, DevicesSettings settings, Clock clock) {
		this.devices = devices;
		this.checks = checks;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public List<Notice> notices() {
		List<Notice> notices = new ArrayList<>();
		int failing = checks.failingDevices();
		if (failing > 0) {
			notices.add(new Notice("devices.attention.failing", List.of(failing), "/devices", Severity.WARNING,
					Set.of(Role.SECURITY)));
		}
		int stale = devices.staleSince(clock.instant().minus(settings.staleAfter()));
		if (stale > 0) {
			notices.add(new Notice("devices.attention.stale", List.of(stale, settings.staleAfter().toDays()), "/devices",
					Severity.WARNING, Set.of(Role.SECURITY)));
		}
		return notices;
	}
}
