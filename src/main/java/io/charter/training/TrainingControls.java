package io.charter.training;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;
import io.charter.shared.exemption.ExemptionSubject;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * Clause S1 for the compliance table: the sessions this calendar year against the two the policy
 * offers, and the share of active people whose last attendance is still valid (the duty's own
 * rule), a person exempted from S1 counted apart. A few queries whatever the number of people.
 */
@Component
class TrainingControls implements ControlReport {

	static final String SESSIONS = "training-sessions-scheduled";
	static final String TRAINED = "training-12-months";
	static final String CHECK = "training";

	private final Sessions sessions;
	private final Directory directory;
	private final TrainingDuty duty;
	private final Enrolments enrolments;
	private final ZoneId zone;
	private final double target;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	TrainingControls(Sessions sessions, Directory directory, TrainingDuty duty, Enrolments enrolments,
			@Value(TrainingSettings.ZONE) ZoneId zone, @Value("${charter.training.target:0.95}") double target,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.directory = directory;
		this.duty = duty;
		this.enrolments = enrolments;
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
	 * The duty's figures counted in the database, the directory never read into memory: the people in
	 * scope (active, not left before today), those of them whose last attendance is still valid (a
	 * session at or after {@link TrainingDuty#validSince}, as the duty's standing rules), and of the
	 * others those an exemption from S1 covers. An exemption of the whole organisation covers every
	 * one of them; an exemption of a person is asked of the duty's own standings for the few people
	 * named, so the exempted count is the one the duty gives.
	 */
	private Control trained(LocalDate today) {
		long of = directory.countActiveOn(today);
		long met = enrolments.attendedSince(duty.validSince(today).atStartOfDay(zone).toInstant(), today);
		ExemptionsInForce exempt = duty.exemptionsOn(today);
		long exempted;
		if (exempt.covers("S1", TrainingDuty.ID, ExemptionSubject.organisation())) {
			exempted = of - met;
		}
		else {
			List<PersonSummary> named = exempt.grants().stream()
					.filter(g -> g.subject().kind() == ExemptionSubject.Kind.PERSON).map(g -> g.subject().id()).distinct()
					.flatMap(id -> directory.person(id).stream()).filter(PersonSummary::active).toList();
			exempted = named.isEmpty() ? 0 : duty.standingsOf(named, today).values().stream()
					.filter(s -> s.state() == Duty.State.EXEMPTED).count();
		}
		return Control.share(TRAINED, "training.control.trained", Set.of("S1"), met, of, exempted,
				target, "training.control.trained.figure", "/people/compliance");
	}
}
