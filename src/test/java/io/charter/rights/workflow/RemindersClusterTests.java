package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.charter.CharterApplication;
import io.charter.Fixtures;
import io.charter.MovableClock;
import io.charter.TestClock;
import io.charter.identity.UserSummary;
import io.charter.rights.Channel;
import io.charter.rights.NewRequest;
import io.charter.rights.Reminders;
import io.charter.rights.RequestType;
import io.charter.rights.web.RequestDetails;
import io.charter.shared.Role;

/**
 * Two Charter instances on one database, one moving clock: the assignee is reminded 7 days and 1
 * day before the due date, every PRIVACY user is alerted once it is overdue, and each message goes
 * out once, however often and on however many instances the job runs.
 */
@Tag("database")
class RemindersClusterTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	/** Both instances find the shared test clock by component scanning, as every test context does. */
	static final MovableClock CLOCK = TestClock.CLOCK;
	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
	static ConfigurableApplicationContext first;
	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		SMTP.start();
		first = instance();
		second = instance();
	}

	static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(CharterApplication.class)
				.run("--server.port=0", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort(),
						"--charter.scheduling.enabled=false", "--spring.jmx.enabled=false",
						"--charter.base-url=https://charter.example",
						// Small pools: the contexts of other test classes stay open on the same database.
						"--spring.datasource.hikari.maximum-pool-size=5", "--spring.datasource.hikari.minimum-idle=1");
	}

	@AfterAll
	static void stop() {
		CLOCK.reset();
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
		SMTP.stop();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** Mornings in Brussels, in the past: nothing recorded here looks newer than another test's "now". */
	static void today(LocalDate date) {
		CLOCK.set(date.atTime(9, 0).atZone(BRUSSELS).toInstant());
	}

	@Test
	void remindsTheAssigneeThenAlertsThePrivacyTeamEachOnceAcrossTheCluster() throws Exception {
		Fixtures fixtures = first.getBean(Fixtures.class);
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		today(LocalDate.of(2024, 3, 5));
		UserSummary assignee = fixtures.user(Fixtures.uniqueEmail("assignee"), "en", Role.PRIVACY);
		UserSummary colleague = fixtures.user(Fixtures.uniqueEmail("colleague"), "fr", Role.PRIVACY);

		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test",
				null, List.of(new SimpleGrantedAuthority("ROLE_PRIVACY"))));
		RequestSteps rights = first.getBean(RequestSteps.class);
		RequestDetails request = rights.register(new NewRequest(RequestType.ACCESS, "Rita Reminder",
				Fixtures.uniqueEmail("rita"), "en", null, null), Channel.EMAIL, LocalDate.of(2024, 3, 5));
		rights.assign(request.id(), assignee.id());
		// A request waiting for its requester has no running clock, so no reminders.
		RequestDetails waiting = rights.register(new NewRequest(RequestType.ACCESS, "Walt Waiting",
				Fixtures.uniqueEmail("walt"), "en", null, null), Channel.EMAIL, LocalDate.of(2024, 3, 5));
		rights.assign(waiting.id(), assignee.id());
		rights.askRequester(waiting.id(), "Which account?");
		SecurityContextHolder.clearContext();
		assertThat(request.dueOn()).isEqualTo(LocalDate.of(2024, 4, 5));
		String reference = request.reference();

		// Seven days before: the job fires on both instances at the same moment and runs on one.
		today(LocalDate.of(2024, 3, 29));
		Instant firedAt = CLOCK.instant();
		onBothAtOnce(() -> {
			first.getBean(RightsJobs.class).remind();
			return null;
		}, () -> {
			second.getBean(RightsJobs.class).remind();
			return null;
		});
		assertThat(jdbc.sql("select count(*) from job_run where job = :job and started_at >= :at")
				.param("job", RightsJobs.REMINDERS).param("at", firedAt.atOffset(java.time.ZoneOffset.UTC))
				.query(Long.class).single()).as("runs of the reminder job across both instances").isEqualTo(1);
		MimeMessage week = awaitOne(assignee.email(), "Reminder: request " + reference);
		assertThat(week.getSubject()).isEqualTo("Reminder: request " + reference + " is due on Friday 5 April 2024");
		assertThat(week.getContent().toString()).contains("Hello Test privacy", "7 day(s) from today",
				"https://charter.example/rights/requests/" + request.id());
		// Running again, without the lock, on both instances: nothing new.
		sendDueOnBoth();
		assertThat(count(assignee.email(), "Reminder: request " + reference)).isEqualTo(1);
		assertThat(count(colleague.email(), reference)).isZero();

		// The day before.
		today(LocalDate.of(2024, 4, 4));
		sendDueOnBoth();
		sendDueOnBoth();
		await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
				.until(() -> dispatched() && count(assignee.email(), "Reminder: request " + reference) == 2);

		// Overdue: every PRIVACY user, once, in their language.
		today(LocalDate.of(2024, 4, 6));
		sendDueOnBoth();
		sendDueOnBoth();
		MimeMessage alert = awaitOne(colleague.email(), "la demande " + reference);
		assertThat(alert.getSubject()).isEqualTo("En retard : la demande " + reference
				+ " était à rendre le vendredi 5 avril 2024");
		awaitOne(assignee.email(), "Overdue: request " + reference);
		// Once nothing to either of them waits in the outbox, a duplicate would have reached GreenMail too.
		await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
				.until(() -> dispatched() && pending(jdbc, assignee.email(), colleague.email()) == 0);
		assertThat(count(assignee.email(), "Reminder: request " + reference)).isEqualTo(2);
		assertThat(count(assignee.email(), "Overdue: request " + reference)).isEqualTo(1);
		assertThat(count(colleague.email(), reference)).isEqualTo(1);

		assertThat(jdbc.sql("select kind from rights_reminder where request_id = :id order by sent_at, kind")
				.param("id", request.id()).query(String.class).list()).containsExactly("DUE_7", "DUE_1", "OVERDUE");
		assertThat(jdbc.sql("select count(*) from rights_reminder where request_id = :id").param("id", waiting.id())
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select summary from rights_step where request_id = :id and kind = 'overdue-escalated'")
				.param("id", request.id()).query(String.class).single()).startsWith("overdue since 2024-04-05");
	}

	static void sendDueOnBoth() throws Exception {
		onBothAtOnce(() -> first.getBean(Reminders.class).sendDue(), () -> second.getBean(Reminders.class).sendDue());
	}

	@SafeVarargs
	static void onBothAtOnce(Callable<?>... jobs) throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(jobs.length);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (Callable<?> job : jobs) {
				runs.add(pool.submit(() -> {
					go.await();
					return job.call();
				}));
			}
			go.countDown();
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Timers are off: send what is in the outbox, as the dispatch timer would. Always true. */
	static boolean dispatched() throws Exception {
		Object dispatcher = first.getBean("outboxDispatcher");
		java.lang.reflect.Method dispatch = dispatcher.getClass().getMethod("dispatch");
		dispatch.setAccessible(true);
		dispatch.invoke(dispatcher);
		return true;
	}

	static MimeMessage awaitOne(String to, String subject) throws Exception {
		await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
				.until(() -> dispatched() && count(to, subject) >= 1);
		List<MimeMessage> found = messages(to, subject);
		assertThat(found).as(subject).hasSize(1);
		return found.get(0);
	}

	static long pending(JdbcClient jdbc, String... to) {
		return jdbc.sql("select count(*) from outbox_message where recipient in (:to) and status = 'PENDING'")
				.param("to", List.of(to)).query(Long.class).single();
	}

	static long count(String to, String subject) {
		return messages(to, subject).size();
	}

	static List<MimeMessage> messages(String to, String subject) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subject);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}
}
