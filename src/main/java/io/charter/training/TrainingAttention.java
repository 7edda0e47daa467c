package io.charter.training;

import java.time.ZoneId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * The policy offers the training at least twice a year: the dashboard warns while fewer than two
 * sessions (not cancelled) are scheduled in the current calendar year, and from 1 December for the
 * next year too, so the next year's sessions are planned in time.
 */
@Component
class TrainingAttention implements Attention {

	static final int PER_YEAR = 2;

	private final Sessions sessions;
	private final Clock clock;
	private final ZoneId zone;

	TrainingAttention(Sessions sessions, Clock clock,
			@Value(TrainingSettings.ZONE) ZoneId zone) {
		this.zone = zone;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public List<Notice> notices() {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<Notice> notices = new ArrayList<>();
		year(today.getYear(), notices);
		if (today.getMonth() == Month.DECEMBER) {
			year(today.getYear() + 1, notices);
		}
		return notices;
	}

	private void year(int year, List<Notice> notices) {
		int scheduled = sessions.scheduledBetween(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
				LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
		if (scheduled < PER_YEAR) {
			notices.add(new Notice("training.attention.sessions", List.of(String.valueOf(year), scheduled), "/training",
					Severity.WARNING, Set.of(Role.SECURITY, Role.ADMIN, Role.AUDITOR)));
		}
	}
}
