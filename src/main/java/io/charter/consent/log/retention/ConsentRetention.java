package io.charter.consent.log.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.consent.ConsentEvent;
import io.charter.consent.ConsentLogSettings;
import io.charter.consent.log.ConsentRecords;
import io.charter.consent.log.RecordsChanging;
import io.charter.shared.Actors;


/**
 * Deletes consent records older than {@code charter.consent.record-retention} (default 5 years):
 * once a day on one instance of the cluster (ShedLock), or on demand by the privacy team. Each
 * site's purge goes into the audit trail with its count; the records themselves do not.
 */
@Component
public class ConsentRetention {

	static final String JOB = "consent.record-purge";
	static final int CHUNK = 5_000;
	private static final Logger log = LoggerFactory.getLogger(ConsentRetention.class);

	private final ConsentRecords records;
	private final ConsentLogSettings settings;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final List<RecordsChanging> changing;

	ConsentRetention(ConsentRecords records, ConsentLogSettings settings, Clock clock, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, List<RecordsChanging> changing) {
		this.changing = changing;
		this.records = records;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Records recorded before this instant are past retention. */
	public Instant cutoff() {
		return clock.instant().atZone(ZoneOffset.UTC).minus(settings.recordRetention()).toInstant();
	}

	@Scheduled(cron = "${charter.consent.purge-cron:0 37 3 * * *}")
	@SchedulerLock(name = JOB, lockAtMostFor = "PT1H")
	public void purgeOnSchedule() {
		purge();
	}

	/** Purges every site; returns how many records were deleted. */
	public int purge() {
		Instant cutoff = cutoff();
		int total = 0;
		for (Map.Entry<String, UUID> site : records.sites().entrySet()) {
			total += purge(site.getKey(), site.getValue(), cutoff);
		}
		return total;
	}

	public int purge(String siteKey, UUID siteId, Instant cutoff) {
		int purged = 0;
		int chunk;
		do {
			chunk = records.deleteBefore(siteId, cutoff, CHUNK);
			purged += chunk;
		}
		while (chunk == CHUNK);
		if (purged > 0) {
			int count = purged;
			String actor = Actors.current();
			transactions.executeWithoutResult(status -> {
				changing.forEach(c -> c.purged(siteId));
				events.publishEvent(new ConsentEvent.ConsentRecordsPurged(siteKey,
					count + " consent record(s) recorded before " + cutoff + " purged (retention "
							+ settings.recordRetention() + ")", actor, clock.instant()));
			});
			log.info("Purged {} consent record(s) of site {} past retention", count, siteKey);
		}
		return purged;
	}
}
