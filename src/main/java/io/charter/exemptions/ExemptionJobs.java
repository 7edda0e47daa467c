package io.charter.exemptions;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.platform.JobRuns;

/** Expiry and its notices, once a day and once per cluster. */
@Component
class ExemptionJobs {

	static final String EXPIRY = "exemptions.expiry";

	private final ExemptionTimers timers;
	private final JobRuns runs;
	private final Clock clock;

	ExemptionJobs(ExemptionTimers timers, JobRuns runs, Clock clock) {
		this.timers = timers;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.exemptions.expiry-cron:0 5 0 * * *}", zone = ExemptionSettings.ZONE)
	@SchedulerLock(name = EXPIRY, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void expire() {
		Instant started = clock.instant();
		ExemptionTimers.Run run = timers.run();
		runs.record(EXPIRY, started, "notices " + run.noticed() + ", expired " + run.expired());
	}
}
