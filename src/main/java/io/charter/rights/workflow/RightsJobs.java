package io.charter.rights.workflow;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.platform.JobRuns;
import io.charter.rights.Reminders;
import io.charter.rights.fulfilment.ConnectedSystems;

/**
 * The rights module's timers, each run on one instance of the cluster at a time (ShedLock). Runs
 * are recorded through the platform's {@link JobRuns}.
 */
@Component
class RightsJobs {

	static final String REMINDERS = "rights.reminders";
	static final String HOUSEKEEPING = "rights.housekeeping";
	static final String WEBHOOKS = "rights.webhooks";

	private final Reminders reminders;
	private final Housekeeping housekeeping;
	private final ConnectedSystems systems;
	private final JobRuns runs;
	private final Clock clock;

	RightsJobs(Reminders reminders, Housekeeping housekeeping, ConnectedSystems systems, JobRuns runs, Clock clock) {
		this.reminders = reminders;
		this.housekeeping = housekeeping;
		this.systems = systems;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.rights.reminder-cron:0 7 * * * *}", zone = "${charter.rights.zone:Europe/Brussels}")
	@SchedulerLock(name = REMINDERS, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void remind() {
		Instant started = clock.instant();
		Reminders.Sent sent = reminders.sendDue();
		runs.record(REMINDERS, started, "reminders " + sent.reminders() + ", escalations " + sent.escalations());
	}

	@Scheduled(cron = "${charter.rights.housekeeping-cron:0 37 2 * * *}", zone = "${charter.rights.zone:Europe/Brussels}")
	@SchedulerLock(name = HOUSEKEEPING, lockAtMostFor = "PT30M")
	public void housekeeping() {
		Instant started = clock.instant();
		int done = housekeeping.run();
		runs.record(HOUSEKEEPING, started, "cleaned " + done);
	}

	/** Webhooks to connected systems; each task is also claimed, so a delivery never runs twice at once. */
	@Scheduled(fixedDelayString = "${charter.rights.webhooks.interval:30s}", initialDelayString = "20s")
	@SchedulerLock(name = WEBHOOKS, lockAtMostFor = "PT10M")
	public void deliverWebhooks() {
		systems.deliverDue();
	}
}
