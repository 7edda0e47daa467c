package io.charter.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import biweekly.Biweekly;
import biweekly.ICalendar;
import io.charter.Fixtures;
import io.charter.MovableClock;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.shared.Attention.Notice;
import io.charter.shared.Duty;
import io.charter.shared.Duty.State;
import io.charter.shared.Role;
import io.charter.shared.RuleViolation;
import io.charter.shared.personaldata.DataSubject;
import io.charter.training.TrainingEvent.Enrolled;
import io.charter.training.TrainingEvent.SessionCancelled;
import io.charter.training.web.AttendanceSheet;

/**
 * Training end to end on the database: places and the waiting list (also under concurrency), the
 * messages with their calendar invitations, attendance lists, the duty's standings, reminders sent
 * once, data-subject requests, and the pages by role.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class TrainingIntegrationTests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	TrainingSteps steps;
	@Autowired
	Attendance attendance;
	@Autowired
	TrainingReminders reminders;
	@Autowired
	TrainingRecordsHolder holder;
	@Autowired
	Sessions sessions;
	@Autowired
	Enrolments enrolments;
	@Autowired
	DirectoryChanges people;
	@Autowired
	TrainingDuty duty;
	@Autowired
	TrainingSettings settings;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Clock clock;
	@Autowired
	ApplicationEvents events;

	String p = "tr" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeEach
	void asSecurity() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("test", null, "ROLE_SECURITY"));
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	PersonSummary person(String name, String language, LocalDate start) {
		return people.create(new PersonDetails(name, name.toLowerCase() + "@" + p + ".test", p + "-" + name,
				PersonKind.EMPLOYEE, "IT", null, start, null, language));
	}

	/** A session some years ahead, so that it never counts in this year's or next year's notice. */
	Session session(int capacity) {
		LocalDateTime starts = LocalDateTime.now(clock.withZone(BRUSSELS)).plusYears(3).truncatedTo(ChronoUnit.MINUTES);
		return steps.schedule(values("Awareness " + p, starts, capacity));
	}

	static Map<String, String> values(String title, LocalDateTime starts, int capacity) {
		Map<String, String> v = new HashMap<>();
		v.put("title", title);
		v.put("starts", starts.toString());
		v.put("ends", starts.plusHours(2).toString());
		v.put("place", "Room 1");
		v.put("capacity", String.valueOf(capacity));
		v.put("language", "en");
		return v;
	}

	List<String> templatesSentTo(PersonSummary person) {
		return jdbc.sql("select template from outbox_message where recipient = :to order by created_at")
				.param("to", person.email()).query(String.class).list();
	}

	ICalendar lastInvitation(PersonSummary person) {
		byte[] ics = jdbc.sql("""
				select a.content from outbox_attachment a join outbox_message m on m.id = a.message_id
				where m.recipient = :to order by m.created_at desc limit 1""").param("to", person.email())
				.query((rs, n) -> rs.getBytes(1)).single();
		return Biweekly.parse(new String(ics, StandardCharsets.UTF_8)).first();
	}

	@Test
	void twoEnrolmentsForTheLastPlaceOneGetsItTheOtherWaits() throws Exception {
		Session session = session(2);
		steps.enrolFor(session.id(), person("First", "en", null).id());
		PersonSummary a = person("Anna", "en", null);
		PersonSummary b = person("Bert", "en", null);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch ready = new CountDownLatch(2);
		try {
			List<Future<Enrolment.Status>> results = new ArrayList<>();
			for (PersonSummary who : List.of(a, b)) {
				results.add(pool.submit(() -> {
					SecurityContextHolder.getContext()
							.setAuthentication(new TestingAuthenticationToken("test", null, "ROLE_SECURITY"));
					ready.countDown();
					ready.await();
					return steps.enrolFor(session.id(), who.id());
				}));
			}
			List<Enrolment.Status> statuses = List.of(results.get(0).get(), results.get(1).get());
			assertThat(statuses).containsExactlyInAnyOrder(Enrolment.Status.ENROLLED, Enrolment.Status.WAITING);
		}
		finally {
			pool.shutdown();
		}
		assertThat(enrolments.enrolled(session.id())).isEqualTo(2);
	}

	@Test
	void aFreedPlaceGoesToTheFirstWaitingWithAnInvitationAndTheLeaverGetsACancellation() {
		Session session = session(1);
		PersonSummary holderOfPlace = person("Holder", "en", null);
		PersonSummary first = person("Waiter", "fr", null);
		PersonSummary second = person("Later", "nl", null);
		assertThat(steps.enrolFor(session.id(), holderOfPlace.id())).isEqualTo(Enrolment.Status.ENROLLED);
		assertThat(steps.enrolFor(session.id(), first.id())).isEqualTo(Enrolment.Status.WAITING);
		assertThat(steps.enrolFor(session.id(), second.id())).isEqualTo(Enrolment.Status.WAITING);
		assertThat(lastInvitation(holderOfPlace).getMethod().getValue()).isEqualTo("REQUEST");
		String uid = lastInvitation(holderOfPlace).getEvents().get(0).getUid().getValue();
		int sequence = lastInvitation(holderOfPlace).getEvents().get(0).getSequence().getValue();

		steps.cancelFor(session.id(), holderOfPlace.id());

		ICalendar withdrawn = lastInvitation(holderOfPlace);
		assertThat(withdrawn.getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(withdrawn.getEvents().get(0).getUid().getValue()).isEqualTo(uid);
		assertThat(withdrawn.getEvents().get(0).getSequence().getValue()).isGreaterThan(sequence);
		assertThat(templatesSentTo(first)).containsExactly("training-waiting", "training-promoted");
		assertThat(jdbc.sql("select language from outbox_message where recipient = :to and template = 'training-promoted'")
				.param("to", first.email()).query(String.class).single()).isEqualTo("fr");
		assertThat(lastInvitation(first).getMethod().getValue()).isEqualTo("REQUEST");
		assertThat(enrolments.of(session.id(), second.id()).orElseThrow().status()).isEqualTo(Enrolment.Status.WAITING);
		assertThat(events.stream(Enrolled.class).filter(e -> e.personId().equals(first.id()) && !e.waiting())).hasSize(1);
	}

	@Test
	void cancellingTheSessionWithdrawsEveryInvitationAndRefusesNewEnrolments() {
		Session session = session(5);
		PersonSummary ann = person("Ann", "en", null);
		steps.enrolFor(session.id(), ann.id());
		steps.cancel(session.id());
		assertThat(templatesSentTo(ann)).containsExactly("training-enrolled", "training-session-cancelled");
		assertThat(lastInvitation(ann).getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(events.stream(SessionCancelled.class)).hasSize(1);
		assertThatThrownBy(() -> steps.enrolFor(session.id(), person("Late", "en", null).id()))
				.isInstanceOf(RuleViolation.class);
	}

	@Test
	void anAttendanceListWithProblemsWritesNothingUnlessOnlyTheValidLinesAreAsked() {
		Session session = session(5);
		PersonSummary ann = person("Ann", "en", null);
		PersonSummary bob = person("Bob", "en", null);
		String list = "email\n" + ann.email() + "\n" + p + "-Bob\nnobody@" + p + ".test\n" + ann.email().toUpperCase() + "\n";
		AttendanceSheet checked = attendance.check(list);
		assertThat(checked.problems()).containsExactly(new AttendanceSheet.Problem(4, "unknown-person"),
				new AttendanceSheet.Problem(5, "duplicate"));
		assertThat(attendance.apply(session.id(), list, false).marked()).isZero();
		assertThat(enrolments.ofSession(session.id())).isEmpty();
		assertThat(attendance.apply(session.id(), list, true).marked()).isEqualTo(2);
		assertThat(enrolments.ofSession(session.id())).allMatch(Enrolment::attended).hasSize(2);
		assertThat(enrolments.of(session.id(), bob.id())).isPresent();
	}

	@Test
	void theDutyReadsAttendanceAndLeavesLeaversOut() {
		LocalDate today = LocalDate.now(clock.withZone(BRUSSELS));
		LocalDateTime lastYear = today.minusMonths(11).atTime(10, 0);
		Session past = steps.schedule(values("Past " + p, lastYear, 10));
		PersonSummary trained = person("Trained", "en", LocalDate.of(2020, 1, 1));
		PersonSummary joiner = person("Joiner", "en", today.minusDays(10));
		PersonSummary leaver = person("Leaver", "en", LocalDate.of(2020, 1, 1));
		steps.markAttended(past.id(), List.of(trained.id()));
		people.markLeaver(leaver.id(), today.minusDays(1));

		Map<UUID, Duty.Standing> standings = duty.standings(List.of(trained.id(), joiner.id(), leaver.id()), today);
		assertThat(standings).containsOnlyKeys(trained.id(), joiner.id());
		assertThat(standings.get(trained.id())).isEqualTo(new Duty.Standing(State.DONE, lastYear.toLocalDate(), null));
		assertThat(standings.get(joiner.id())).isEqualTo(new Duty.Standing(State.DUE, null, today.plusDays(80)));
		assertThat(duty.standings(List.of(trained.id()), lastYear.toLocalDate().plusMonths(12).plusDays(1))
				.get(trained.id()).state()).isEqualTo(State.OVERDUE);
	}

	@Test
	void attendanceInACancelledSessionIsRefusedWithItsOwnMessage() {
		Session session = session(5);
		PersonSummary ann = person("Ann", "en", null);
		steps.enrolFor(session.id(), ann.id());
		steps.cancel(session.id());
		assertThatThrownBy(() -> steps.markAttendance(session.id(), ann.id(), true)).isInstanceOfSatisfying(
				RuleViolation.class, e -> assertThat(e.code()).isEqualTo("training.error.attendance-cancelled"));
		assertThatThrownBy(() -> attendance.apply(session.id(), "email\n" + ann.email() + "\n", false))
				.isInstanceOfSatisfying(RuleViolation.class,
						e -> assertThat(e.code()).isEqualTo("training.error.attendance-cancelled"));
		assertThat(enrolments.of(session.id(), ann.id()).orElseThrow().attended()).isFalse();
	}

	@Test
	void someoneWithoutAStartDateIsDueWithinTheNewJoinersTimeFromEnteringTheDirectory() {
		LocalDate today = LocalDate.now(clock.withZone(BRUSSELS));
		PersonSummary unknownStart = person("Nostart", "en", null);
		assertThat(duty.standings(List.of(unknownStart.id()), today).get(unknownStart.id()))
				.isEqualTo(new Duty.Standing(State.DUE, null, today.plus(settings.newJoinerWithin())));
		LocalDate later = today.plus(settings.newJoinerWithin()).plusDays(1);
		assertThat(duty.standings(List.of(unknownStart.id()), later).get(unknownStart.id()).state())
				.isEqualTo(State.OVERDUE);
	}

	@Test
	void remindersAndTheDigestGoOutOnceHoweverOftenTheyRun() throws Exception {
		LocalDate today = LocalDate.now(clock.withZone(BRUSSELS));
		PersonSummary boss = person("Boss", "en", LocalDate.of(2020, 1, 1));
		Session past = steps.schedule(values("Old " + p, today.minusMonths(2).atTime(10, 0), 10));
		steps.markAttended(past.id(), List.of(boss.id()));
		PersonSummary late = people.create(new PersonDetails("Late", "late@" + p + ".test", null, PersonKind.EMPLOYEE,
				"IT", boss.id(), LocalDate.of(2020, 1, 1), null, "nl"));
		PersonSummary soon = person("Soon", "fr", today.minusDays(80));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> reminders.remind() + reminders.digest()));
			}
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		reminders.remind();
		reminders.digest();
		assertThat(templatesSentTo(late)).containsExactly("training-overdue");
		assertThat(templatesSentTo(soon)).containsExactly("training-due");
		assertThat(templatesSentTo(boss)).containsExactly("training-digest");
		assertThat(jdbc.sql("select body from outbox_message where recipient = :to").param("to", boss.email())
				.query(String.class).single()).contains(late.email()).doesNotContain(soon.email());
		assertThat(jdbc.sql("select body from outbox_message where recipient = :to").param("to", soon.email())
				.query(String.class).single()).contains("/training/enrol?lang=fr");
	}

	@Test
	void enrolmentsAnswerADataSubjectRequestAndErasureKeepsTheCounts() {
		Session session = session(5);
		PersonSummary erin = person("Erin", "en", null);
		steps.enrolFor(session.id(), erin.id());
		DataSubject subject = new DataSubject(UUID.randomUUID(), erin.email().toUpperCase(), null, "en");
		assertThat(holder.find(subject).records()).isEqualTo(1);
		assertThat(holder.export(subject)).singleElement().satisfies(d -> assertThat(d.rows()).hasSize(1));
		assertThat(holder.erase(subject).records()).isEqualTo(1);
		assertThat(enrolments.enrolled(session.id())).isEqualTo(1);
		assertThat(enrolments.ofSession(session.id())).singleElement().satisfies(e -> assertThat(e.personId()).isNull());
		assertThat(holder.find(subject).records()).isZero();
	}

	@Test
	void theDirectorysOwnErasureAnonymisesTheEnrolmentsToo() {
		Session session = session(5);
		PersonSummary fay = person("Fay", "en", null);
		steps.enrolFor(session.id(), fay.id());
		people.anonymise(fay.id(), "test");
		assertThat(enrolments.ofSession(session.id())).singleElement().satisfies(e -> assertThat(e.personId()).isNull());
	}

	@Test
	void theNoticeAsksForTwoSessionsThisYearAndFromDecemberNextYear() {
		MovableClock moved = new MovableClock();
		TrainingAttention attention = new TrainingAttention(sessions, moved, BRUSSELS);
		moved.set(Instant.parse("2040-11-30T12:00:00Z"));
		assertThat(attention.notices()).extracting(n -> n.arguments().get(0)).containsExactly("2040");
		moved.set(Instant.parse("2040-12-01T12:00:00Z"));
		assertThat(attention.notices()).extracting(n -> n.arguments().get(0)).containsExactly("2040", "2041");
		steps.schedule(values("Spring " + p, LocalDateTime.parse("2041-03-01T10:00"), 10));
		steps.schedule(values("Autumn " + p, LocalDateTime.parse("2041-10-01T10:00"), 10));
		List<Notice> notices = attention.notices();
		assertThat(notices).extracting(n -> n.arguments().get(0)).containsExactly("2040");
		assertThat(notices.get(0).roles()).contains(Role.SECURITY);
	}

	@Test
	void anEmployeeEnrolsOnTheirOwnPageAndCannotOpenTheConsole() throws Exception {
		Session session = session(3);
		PersonSummary ida = person("Ida", "en", null);
		fixtures.user(ida.email(), "en", Role.EMPLOYEE);
		SecurityContextHolder.clearContext();
		MockHttpSession web = Fixtures.signIn(mvc, ida.email(), Fixtures.PASSWORD);
		mvc.perform(get("/training/enrol").session(web)).andExpect(status().isOk())
				.andExpect(content().string(containsString(session.title())));
		mvc.perform(post("/training/enrol/" + session.id()).session(web).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(enrolments.of(session.id(), ida.id()).orElseThrow().status()).isEqualTo(Enrolment.Status.ENROLLED);
		mvc.perform(get("/training").session(web)).andExpect(status().isForbidden());
		mvc.perform(post("/training/enrol/" + session.id() + "/cancel").session(web).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(enrolments.of(session.id(), ida.id()).orElseThrow().status()).isEqualTo(Enrolment.Status.CANCELLED);
	}

	@Test
	void theSecurityTeamSchedulesASessionAndAnAuditorOnlyReads() throws Exception {
		String security = fixtures.user(Role.SECURITY).email();
		String auditor = fixtures.user(Role.AUDITOR).email();
		SecurityContextHolder.clearContext();
		MockHttpSession web = Fixtures.signIn(mvc, security, Fixtures.PASSWORD);
		mvc.perform(post("/training/sessions").session(web).with(csrf()).param("title", "").param("starts", "x")
				.param("capacity", "0").param("language", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(post("/training/sessions").session(web).with(csrf()).param("title", "Console " + p)
				.param("starts", "2031-05-04T10:00").param("ends", "2031-05-04T12:00").param("place", "Room 9")
				.param("capacity", "12").param("language", "nl")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/training").session(web)).andExpect(content().string(containsString("Console " + p)));
		MockHttpSession reader = Fixtures.signIn(mvc, auditor, Fixtures.PASSWORD);
		mvc.perform(get("/training").session(reader)).andExpect(status().isOk());
		mvc.perform(post("/training/sessions").session(reader).with(csrf()).param("title", "No"))
				.andExpect(status().isForbidden());
	}
}
