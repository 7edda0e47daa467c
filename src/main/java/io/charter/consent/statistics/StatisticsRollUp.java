package io.charter.consent.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.consent.log.RecordsChanging;
import io.charter.consent.log.counts.ConsentTallies;

/**
 * Rolls complete UTC days of the consent log up into the aggregate tables, once per cluster
 * (ShedLock), by default every hour. The write of a consent is left alone: a record is counted
 * live until its day is rolled up. Each day is recomputed from its records and marked in one
 * transaction, so running twice, or after a crash, never counts a record twice.
 *
 * <p>A day is complete {@link #GRACE} after its end: a record carries the time Charter accepted
 * it, and its commit follows within seconds (the writer gives up after twice
 * {@code write-timeout}), so no record of a day commits after that.
 *
 * <p>Erasure, restriction and the retention purge change records already written: they call
 * {@link RecordsChanging} in their own transaction, which drops the aggregates of the days
 * concerned; those days are counted live until the next roll-up counts them again.
 */
@Component
class StatisticsRollUp implements RecordsChanging {

	static final String JOB = "consent.statistics-roll-up";
	static final Duration GRACE = Duration.ofHours(1);
	private static final Logger log = LoggerFactory.getLogger(StatisticsRollUp.class);

	private final DailyStatistics statistics;
	private final ConsentTallies tallies;
	private final Clock clock;
	private final TransactionTemplate transactions;

	StatisticsRollUp(DailyStatistics statistics, ConsentTallies tallies, Clock clock, PlatformTransactionManager transactions) {
		this.statistics = statistics;
		this.tallies = tallies;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${charter.consent.statistics-cron:0 17 * * * *}")
	@SchedulerLock(name = JOB, lockAtMostFor = "PT1H")
	public void rollUpOnSchedule() {
		rollUp();
	}

	/** The last day that no record can join any more. */
	LocalDate lastCompleteDay() {
		return clock.instant().minus(GRACE).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
	}

	/** Rolls up every complete day not rolled up yet, of every site; returns how many days. */
	public int rollUp() {
		LocalDate last = lastCompleteDay();
		int days = 0;
		for (Map.Entry<String, UUID> site : tallies.sites().entrySet()) {
			UUID siteId = site.getValue();
			Optional<LocalDate> first = tallies.firstDay(siteId);
			if (first.isEmpty() || first.get().isAfter(last)) {
				continue;
			}
			Set<LocalDate> rolled = statistics.rolledDays(siteId, first.get(), last);
			for (LocalDate day = first.get(); !day.isAfter(last); day = day.plusDays(1)) {
				if (!rolled.contains(day)) {
					LocalDate d = day;
					transactions.executeWithoutResult(status -> {
						statistics.lock(siteId);
						statistics.roll(siteId, d);
					});
					days++;
				}
			}
		}
		if (days > 0) {
			log.info("Rolled up {} day(s) of consent statistics", days);
		}
		return days;
	}

	@Override
	public void visitorChanging(String visitorId) {
		for (Map.Entry<UUID, LocalDate> day : tallies.daysOf(visitorId)) {
			statistics.lock(day.getKey());
			statistics.forget(day.getKey(), day.getValue(), day.getValue());
		}
	}

	/** Days before the first one left lose their counts; that first day, maybe purged in part, is counted again. */
	@Override
	public void purged(UUID siteId) {
		statistics.lock(siteId);
		LocalDate keepFrom = tallies.firstDay(siteId).orElse(tallies.today());
		statistics.forget(siteId, LocalDate.of(1970, 1, 1), keepFrom);
	}
}
