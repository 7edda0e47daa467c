package io.charter.compliance;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.platform.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** The daily snapshot of every control's figure, taken once per cluster. */
@Component
class ComplianceJobs {

	static final String SNAPSHOT = "compliance.snapshot";

	private final ComplianceQueries queries;
	private final ControlReports reports;
	private final Snapshots snapshots;
	private final JobRuns runs;
	private final Clock clock;

	ComplianceJobs(ComplianceQueries queries, ControlReports reports, Snapshots snapshots, JobRuns runs, Clock clock) {
		this.queries = queries;
		this.reports = reports;
		this.snapshots = snapshots;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.compliance.snapshot-cron:0 5 0 * * *}", zone = "${charter.web.time-zone:Europe/Brussels}")
	@SchedulerLock(name = SNAPSHOT, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void snapshot() {
		Instant started = clock.instant();
		ControlReports.Reading reading = reports.read(queries.today());
		int kept = snapshots.keep(queries.today(), reading.controls());
		runs.record(SNAPSHOT, started, "figures " + kept + ", failed reports " + reading.failedReports());
	}
}
