package io.charter.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.platform.JobRuns;
import io.charter.shared.Actors;

/**
 * Removes the ZIP of every evidence package built longer ago than
 * {@code charter.compliance.evidence-retention}, nightly and once per cluster. The row stays (its
 * period, who asked and its SHA-256, shown as "expired") and the audit trail records the removal
 * beside the build, so what was handed to an auditor stays traceable without keeping its bytes.
 */
@Component
class EvidenceRetention {

	static final String JOB = "compliance.evidence-retention";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final JobRuns runs;
	private final Clock clock;
	private final ComplianceSettings settings;

	EvidenceRetention(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx, JobRuns runs,
			Clock clock, ComplianceSettings settings) {
		this.jdbc = jdbc;
		this.events = events;
		this.tx = tx;
		this.runs = runs;
		this.clock = clock;
		this.settings = settings;
	}

	@Scheduled(cron = "${charter.compliance.evidence-retention-cron:0 35 2 * * *}", zone = ComplianceSettings.ZONE)
	@SchedulerLock(name = JOB, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	public void removeExpired() {
		Instant started = clock.instant();
		runs.record(JOB, started, "evidence packages expired " + expire());
	}

	/** @return how many packages' ZIPs were removed */
	int expire() {
		Instant now = clock.instant();
		List<EvidenceEvent.PackageExpired> due = jdbc.sql("""
				select id, period_from, period_to, sha256 from compliance_evidence
				where state = 'DONE' and finished_at < :cutoff order by finished_at, id""")
				.param("cutoff", Timestamp.from(now.minus(settings.evidenceRetention())))
				.query((rs, n) -> new EvidenceEvent.PackageExpired(rs.getObject(1, java.util.UUID.class),
						rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getString(4), Actors.SYSTEM, now))
				.list();
		int removed = 0;
		for (EvidenceEvent.PackageExpired expired : due) {
			// One package per transaction: the trail records exactly the removals that happened, even
			// if another instance or a later failure stops the run half-way.
			Boolean done = tx.execute(status -> {
				int rows = jdbc.sql("""
						update compliance_evidence set state = 'EXPIRED', content = null
						where id = :id and state = 'DONE'""").param("id", expired.packageId()).update();
				if (rows == 1) {
					events.publishEvent(expired);
				}
				return rows == 1;
			});
			removed += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return removed;
	}
}
