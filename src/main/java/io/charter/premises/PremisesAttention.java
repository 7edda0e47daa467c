package io.charter.premises;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * Visitors still checked in after the end of the day (reception and security check they have left,
 * before an evacuation counts them), and a kiosk notice missing the contact only the admin can give.
 */
@Component
class PremisesAttention implements Attention {

	private final Visits visits;
	private final VisitorNotices notices;
	private final PremisesSettings settings;
	private final Clock clock;
	private final ZoneId zone;

	PremisesAttention(Visits visits, VisitorNotices notices, PremisesSettings settings, Clock clock,
			@Value(PremisesSettings.ZONE) ZoneId zone) {
		this.visits = visits;
		this.notices = notices;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	public List<Notice> notices() {
		List<Notice> found = new ArrayList<>();
		LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
		LocalDate endedDay = now.toLocalTime().isBefore(settings.endOfDay()) ? now.toLocalDate().minusDays(1)
				: now.toLocalDate();
		int late = visits.stillOnSiteSince(endedDay.atTime(settings.endOfDay()).atZone(zone).toInstant());
		if (late > 0) {
			found.add(new Notice("premises.attention.still-on-site", List.of(late), "/premises/on-site", Severity.WARNING,
					Set.of(Role.RECEPTION, Role.SECURITY)));
		}
		if (!notices.complete()) {
			found.add(new Notice("premises.attention.notice-contact", List.of(), "/organisation", Severity.WARNING,
					Set.of(Role.ADMIN)));
		}
		return found;
	}
}
