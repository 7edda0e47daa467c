package io.charter.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty.Standing;
import io.charter.shared.NotFound;
import io.charter.training.web.OwnTraining;
import io.charter.training.web.RosterLine;
import io.charter.training.web.SessionRow;

/** What the training pages read. */
@Service
class TrainingQueries {

	static final String READ = "hasAnyRole('ADMIN', 'SECURITY', 'AUDITOR')";

	private final Sessions sessions;
	private final Enrolments enrolments;
	private final Directory directory;
	private final TrainingDuty duty;
	private final Clock clock;
	private final ZoneId zone;

	TrainingQueries(Sessions sessions, Enrolments enrolments, Directory directory, TrainingDuty duty, Clock clock,
			@Value(TrainingSettings.ZONE) ZoneId zone) {
		this.sessions = sessions;
		this.enrolments = enrolments;
		this.directory = directory;
		this.duty = duty;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<SessionRow> upcoming() {
		return rows(sessions.upcoming(clock.instant(), true));
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<SessionRow> past() {
		return rows(sessions.past(clock.instant(), 100));
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public SessionRow session(UUID id) {
		return rows(List.of(find(id))).get(0);
	}

	/** The form's values of a session, in the organisation's time zone. */
	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public Map<String, String> values(UUID id) {
		Session s = find(id);
		Map<String, String> values = new HashMap<>();
		values.put("title", s.title());
		values.put("starts", s.startsAt().atZone(zone).toLocalDateTime().toString());
		values.put("ends", s.endsAt().atZone(zone).toLocalDateTime().toString());
		values.put("place", s.place() == null ? "" : s.place());
		values.put("link", s.onlineLink() == null ? "" : s.onlineLink());
		values.put("capacity", String.valueOf(s.capacity()));
		values.put("trainer", s.trainer() == null ? "" : s.trainer());
		values.put("language", s.language());
		return values;
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<RosterLine> roster(UUID id) {
		return enrolments.ofSession(id).stream().map(e -> {
			Optional<PersonSummary> p = e.personId() == null ? Optional.empty() : directory.person(e.personId());
			return new RosterLine(e.personId(), p.map(PersonSummary::name).orElse(null),
					p.map(PersonSummary::email).orElse(null), e.status().name(), e.attended());
		}).toList();
	}

	/** The signed-in person's own page; empty when their address is not in the directory (or they left). */
	@PreAuthorize(TrainingSteps.EMPLOYEE)
	@Transactional(readOnly = true)
	public Optional<OwnTraining> own(String email) {
		return directory.byEmail(email).filter(PersonSummary::active).map(person -> {
			Standing standing = duty.standings(List.of(person.id()), LocalDate.now(clock.withZone(zone))).get(person.id());
			Map<UUID, String> statuses = new HashMap<>();
			for (Enrolment e : enrolments.ofPerson(person.id())) {
				statuses.put(e.sessionId(), e.status().name());
			}
			return new OwnTraining(standing, rows(sessions.upcoming(clock.instant(), false)), statuses);
		});
	}

	private Session find(UUID id) {
		return sessions.find(id).orElseThrow(() -> new NotFound("No such session"));
	}

	private List<SessionRow> rows(List<Session> list) {
		Map<UUID, Integer> taken = enrolments.enrolledPerSession(list.stream().map(Session::id).toList());
		return list.stream().map(s -> new SessionRow(s.id(), s.title(), s.startsAt(), s.endsAt(), s.place(),
				s.onlineLink(), s.capacity(), taken.getOrDefault(s.id(), 0), s.trainer(), s.language(), s.cancelled()))
				.toList();
	}
}
