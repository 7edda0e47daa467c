package io.charter.premises;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.platform.JobRuns;

/** The nightly anonymisation of visitors past the retention period, once per cluster. */
@Component
class PremisesJobs {

	static final String RETENTION = "premises.retention";

	private final VisitSteps steps;
	private final JobRuns runs;
	private final Clock clock;

	PremisesJobs(VisitSteps steps, JobRuns runs, Clock clock) {
		this.steps = steps;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.premises.retention-cron:0 40 2 * * *}", zone = PremisesSettings.ZONE)
	@SchedulerLock(name = RETENTION, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void anonymise() {
		Instant started = clock.instant();
		runs.record(RETENTION, started, "visits anonymised " + steps.anonymiseExpired());
	}
}
