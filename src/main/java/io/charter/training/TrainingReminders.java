package io.charter.training;

import static io.charter.platform.Utc.odt;

import java.sql.Date;
import java.time.ZoneId;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.shared.Duty.Standing;
import io.charter.shared.Duty.State;
import io.charter.shared.Role;

/**
 * Reminds due people (once per due date, from {@code charter.training.remind-before} before it) and
 * overdue people (once a week), unless they already hold a place in a coming session; and sends the
 * weekly digest of overdue people to their managers and the SECURITY team. Each message is claimed in
 * training_reminder in the transaction that puts it in the outbox, so a second run or a second
 * instance never sends it again.
 */
@Component
class TrainingReminders {

	/** What a run sent. */
	record Sent(int reminders, int digests) {
	}

	private final Directory directory;
	private final TrainingDuty duty;
	private final Enrolments enrolments;
	private final TrainingMessages messages;
	private final IdentityManagement identity;
	private final TrainingSettings settings;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ZoneId zone;

	TrainingReminders(Directory directory, TrainingDuty duty, Enrolments enrolments, TrainingMessages messages,
			IdentityManagement identity, TrainingSettings settings, JdbcClient jdbc, Clock clock,
			@Value(TrainingSettings.ZONE) ZoneId zone) {
		this.zone = zone;
		this.directory = directory;
		this.duty = duty;
		this.enrolments = enrolments;
		this.messages = messages;
		this.identity = identity;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public int remind() {
		LocalDate today = today();
		List<PersonSummary> people = directory.active(null);
		Map<UUID, Standing> standings = duty.standings(people.stream().map(PersonSummary::id).toList(), today);
		Set<UUID> placed = enrolments.placedFrom(clock.instant());
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		int sent = 0;
		for (PersonSummary person : people) {
			Standing standing = standings.get(person.id());
			if (standing == null || standing.state() == State.DONE || standing.state() == State.EXEMPTED
					|| placed.contains(person.id())) {
				continue;
			}
			boolean overdue = standing.state() == State.OVERDUE;
			if (!overdue && today.plus(settings.remindBefore()).isBefore(standing.dueBy())) {
				continue;
			}
			if (claim(person.email(), overdue ? "OVERDUE" : "DUE", overdue ? monday : standing.dueBy())) {
				messages.remind(person, overdue, standing.dueBy());
				sent++;
			}
		}
		return sent;
	}

	/** The week's digest: each manager gets their overdue people, the SECURITY team all of them. */
	@Transactional
	public int digest() {
		LocalDate today = today();
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<PersonSummary> people = directory.active(null);
		Map<UUID, PersonSummary> byId = people.stream().collect(Collectors.toMap(PersonSummary::id, p -> p));
		Map<UUID, Standing> standings = duty.standings(byId.keySet(), today);
		List<PersonSummary> overdue = people.stream()
				.filter(p -> standings.containsKey(p.id()) && standings.get(p.id()).state() == State.OVERDUE)
				.sorted(Comparator.comparing(PersonSummary::name)).toList();
		if (overdue.isEmpty()) {
			return 0;
		}
		int sent = 0;
		Map<UUID, List<PersonSummary>> byManager = new LinkedHashMap<>();
		for (PersonSummary p : overdue) {
			if (p.managerId() != null) {
				byManager.computeIfAbsent(p.managerId(), m -> new ArrayList<>()).add(p);
			}
		}
		for (Map.Entry<UUID, List<PersonSummary>> team : byManager.entrySet()) {
			PersonSummary manager = byId.get(team.getKey());
			if (manager != null && claim(manager.email(), "DIGEST", monday)) {
				messages.digest(manager.email(), manager.name(), manager.language(), list(team.getValue(), standings));
				sent++;
			}
		}
		for (UserSummary user : identity.usersWithRole(Role.SECURITY)) {
			if (claim(user.email(), "DIGEST", monday)) {
				messages.digest(user.email(), user.displayName(), user.language(), list(overdue, standings));
				sent++;
			}
		}
		return sent;
	}

	private static String list(List<PersonSummary> people, Map<UUID, Standing> standings) {
		return people.stream().map(p -> "- " + p.name() + " <" + p.email() + ">, " + standings.get(p.id()).dueBy())
				.collect(Collectors.joining("\n"));
	}

	/** True for the one caller that records this message first. */
	private boolean claim(String recipient, String kind, LocalDate dueOn) {
		return jdbc.sql("""
				insert into training_reminder (recipient, kind, due_on, sent_at) values (:to, :kind, :due, :at)
				on conflict do nothing""").param("to", recipient).param("kind", kind).param("due", Date.valueOf(dueOn))
				.param("at", odt(clock.instant())).update() == 1;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}
}
