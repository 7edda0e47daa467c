package io.charter.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith keeps every event publication once its listeners completed (completion mode
 * {@code update}), so that a crash between a change and its listeners loses nothing. Completed ones
 * are only history: they are deleted once older than {@code charter.events.completed-retention}
 * (7 days by default), so the table does not grow forever. Incomplete ones are never touched: they
 * are republished at the next start.
 */
@Component
class CompletedEvents {

	static final String JOB = "platform.completed-events-purge";

	private final CompletedEventPublications completed;
	private final JobRuns runs;
	private final Clock clock;
	private final Duration retention;

	CompletedEvents(CompletedEventPublications completed, JobRuns runs, Clock clock,
			@Value("${charter.events.completed-retention:7d}") Duration retention) {
		if (retention.isNegative()) {
			throw new IllegalArgumentException("charter.events.completed-retention cannot be negative");
		}
		this.completed = completed;
		this.runs = runs;
		this.clock = clock;
		this.retention = retention;
	}

	/** Daily; the registry measures the age on the application's clock. */
	@Scheduled(cron = "${charter.events.purge-cron:0 17 3 * * *}")
	@SchedulerLock(name = JOB, lockAtMostFor = "PT30M")
	public void purge() {
		Instant started = clock.instant();
		completed.deletePublicationsOlderThan(retention);
		runs.record(JOB, started, "deleted completed publications older than " + retention);
	}
}
