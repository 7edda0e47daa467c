package io.charter.policies;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.platform.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** The policies' timer, run on one instance of the cluster at a time (ShedLock), recorded in JobRuns. */
@Component
class PolicyJobs {

	static final String REMINDERS = "policies.reminders";

	private final PolicyReminders reminders;
	private final JobRuns runs;
	private final Clock clock;

	PolicyJobs(PolicyReminders reminders, JobRuns runs, Clock clock) {
		this.reminders = reminders;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.policies.reminder-cron:0 20 8 * * *}", zone = "${charter.web.time-zone:Europe/Brussels}")
	@SchedulerLock(name = REMINDERS, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void remind() {
		Instant started = clock.instant();
		runs.record(REMINDERS, started, "reminders " + reminders.sendDue());
	}
}
