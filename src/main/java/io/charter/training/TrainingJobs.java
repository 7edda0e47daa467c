package io.charter.training;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.platform.JobRuns;

/** The daily reminders and the weekly digest; each message is claimed once per cluster (TrainingReminders). */
@Component
class TrainingJobs {

	static final String REMINDERS = "training.reminders";
	static final String DIGEST = "training.digest";

	private final TrainingReminders reminders;
	private final JobRuns runs;
	private final Clock clock;

	TrainingJobs(TrainingReminders reminders, JobRuns runs, Clock clock) {
		this.reminders = reminders;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.training.reminder-cron:0 15 8 * * *}", zone = "${charter.web.time-zone:Europe/Brussels}")
	@SchedulerLock(name = REMINDERS, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void remind() {
		Instant started = clock.instant();
		runs.record(REMINDERS, started, "reminders " + reminders.remind());
	}

	@Scheduled(cron = "${charter.training.digest-cron:0 30 8 * * MON}", zone = "${charter.web.time-zone:Europe/Brussels}")
	@SchedulerLock(name = DIGEST, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void digest() {
		Instant started = clock.instant();
		runs.record(DIGEST, started, "digests " + reminders.digest());
	}
}
