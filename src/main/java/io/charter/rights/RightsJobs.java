package io.charter.rights;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rights module's timers, each run on one instance of the cluster at a time (ShedLock). Runs
 * are recorded in job_run.
 */
@Component
class RightsJobs {

	static final String REMINDERS = "rights.reminders";
	static final String HOUSEKEEPING = "rights.housekeeping";
	static final String WEBHOOKS = "rights.webhooks";

	private final Reminders reminders;
	private final Housekeeping housekeeping;
	private final ConnectedSystems systems;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	RightsJobs(Reminders reminders, Housekeeping housekeeping, ConnectedSystems systems, JdbcClient jdbc, Clock clock) {
		this.reminders = reminders;
		this.housekeeping = housekeeping;
		this.systems = systems;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.rights.reminder-cron:0 7 * * * *}", zone = "${charter.rights.zone:Europe/Brussels}")
	@SchedulerLock(name = REMINDERS, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void remind() {
		Instant started = clock.instant();
		Reminders.Sent sent = reminders.sendDue();
		recordRun(REMINDERS, started, "reminders " + sent.reminders() + ", escalations " + sent.escalations());
	}

	@Scheduled(cron = "${charter.rights.housekeeping-cron:0 37 2 * * *}", zone = "${charter.rights.zone:Europe/Brussels}")
	@SchedulerLock(name = HOUSEKEEPING, lockAtMostFor = "PT30M")
	public void housekeeping() {
		Instant started = clock.instant();
		int done = housekeeping.run();
		recordRun(HOUSEKEEPING, started, "cleaned " + done);
	}

	/** Webhooks to connected systems; each task is also claimed, so a delivery never runs twice at once. */
	@Scheduled(fixedDelayString = "${charter.rights.webhooks.interval:30s}", initialDelayString = "20s")
	@SchedulerLock(name = WEBHOOKS, lockAtMostFor = "PT10M")
	public void deliverWebhooks() {
		systems.deliverDue();
	}

	private void recordRun(String job, Instant started, String outcome) {
		jdbc.sql("insert into job_run (id, job, instance, started_at, finished_at, outcome) values (:id, :job, :inst, :s, :f, :o)")
				.param("id", UUID.randomUUID()).param("job", job).param("inst", instance)
				.param("s", DataSubjectRequests.odt(started)).param("f", DataSubjectRequests.odt(clock.instant()))
				.param("o", outcome).update();
	}
}
