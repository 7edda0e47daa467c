package io.charter.training;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.shared.Duty;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;

/**
 * Clause S1 for the compliance table: the sessions this calendar year against the two the policy
 * offers, and the share of active people whose last attendance is still valid (the duty's own
 * rule), a person exempted from S1 counted apart. The directory is read once; a few queries whatever
 * the number of people.
 */
@Component
class TrainingControls implements ControlReport {

	static final String SESSIONS = "training-sessions-scheduled";
	static final String TRAINED = "training-12-months";
	static final String CHECK = "training";

	private final Sessions sessions;
	private final Directory directory;
	private final TrainingDuty duty;
	private final ZoneId zone;
	private final double target;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	TrainingControls(Sessions sessions, Directory directory, TrainingDuty duty,
			@Value(TrainingSettings.ZONE) ZoneId zone, @Value("${charter.training.target:0.95}") double target,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.directory = directory;
		this.duty = duty;
		this.zone = zone;
		this.target = target;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Control> controls(LocalDate today) {
		return List.of(sessions(today), trained(today));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<io.charter.shared.control.EvidenceRows> evidence(String controlId, LocalDate from,
			LocalDate to) {
		return switch (controlId) {
			case TRAINED -> java.util.Optional.of(TrainingEvidence.attended(jdbc, zone, from, to));
			case SESSIONS -> java.util.Optional.of(TrainingEvidence.sessions(jdbc, zone, from, to));
			default -> java.util.Optional.empty();
		};
	}

	private Control sessions(LocalDate today) {
		int year = today.getYear();
		int scheduled = sessions.scheduledBetween(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
				LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
		int asked = TrainingAttention.PER_YEAR;
		return new Control(SESSIONS, "training.control.sessions", Set.of("S1"),
				scheduled >= asked ? ControlStatus.PASSING : ControlStatus.FAILING, Math.min(scheduled, asked), asked, 0,
				null, "training.control.sessions.figure", List.of(scheduled, String.valueOf(year)), "/training");
	}

	/**
	 * The directory is read once, and the duty's own standings say who is exempted: a standing not done
	 * is {@code EXEMPTED} exactly when an exemption from S1 covers the person for {@link #CHECK}.
	 */
	private Control trained(LocalDate today) {
		Map<UUID, Duty.Standing> standings = duty.standingsOf(directory.active(null), today);
		long met = standings.values().stream().filter(s -> s.state() == Duty.State.DONE).count();
		long exempted = standings.values().stream().filter(s -> s.state() == Duty.State.EXEMPTED).count();
		return Control.share(TRAINED, "training.control.trained", Set.of("S1"), met, standings.size(), exempted,
				target, "training.control.trained.figure", "/people/compliance");
	}
}
