package io.charter.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.CharterApplication;
import io.charter.Fixtures;

/**
 * Two Charter instances on one database (the test database: H2 shared in this JVM, or CI's
 * PostgreSQL) fire the same scheduled job at the same moment: it runs on one of them only. The
 * first instance is the notify tests' cached context, the second one started here.
 */
class ClusterLockTests extends NotifyTestBase {

	static ConfigurableApplicationContext second;

	@Autowired
	JdbcClient jdbc;
	@Autowired
	OutboxDispatcher dispatcher;

	@BeforeAll
	static void startSecondInstance() {
		// Command-line arguments: they win over application.properties, like a real deployment's settings.
		second = new SpringApplicationBuilder(CharterApplication.class).run("--server.port=0",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort(),
				"--charter.notify.from=" + FROM, "--charter.scheduling.enabled=false", "--spring.jmx.enabled=false");
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aJobFiredOnTwoInstancesAtOnceRunsOnOne() throws Exception {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String to = Fixtures.uniqueEmail("cluster");
			recipients.add(to);
			jdbc.sql("""
					insert into outbox_message (id, created_at, recipient, subject, body, template, language, status, attempts)
					values (:id, :at, :to, 'Cluster', 'Once', 'invitation', 'en', 'PENDING', 0)""")
					.param("id", UUID.randomUUID()).param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("to", to).update();
		}

		List<OutboxDispatcher> dispatchers = List.of(dispatcher, second.getBean(OutboxDispatcher.class));
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (OutboxDispatcher instance : dispatchers) {
				runs.add(pool.submit(() -> {
					go.await();
					instance.dispatch();
					return null;
				}));
			}
			go.countDown();
			for (Future<?> run : runs) {
				run.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		long runs = jdbc.sql("select count(*) from job_run where job = :job and started_at >= :start")
				.param("job", OutboxDispatcher.JOB).param("start", start).query(Long.class).single();
		assertThat(runs).as("job runs across both instances").isEqualTo(1);
		for (String to : recipients) {
			long delivered = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
				try {
					return m.getAllRecipients()[0].toString().equals(to);
				}
				catch (Exception e) {
					return false;
				}
			}).count();
			assertThat(delivered).as("messages to " + to).isEqualTo(1);
		}
	}
}
