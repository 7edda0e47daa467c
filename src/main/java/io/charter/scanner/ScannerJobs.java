package io.charter.scanner;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.charter.consent.ScannedSites;
import io.charter.platform.JobRuns;
import io.charter.shared.Actors;

/** The monthly scan of every published site, once per cluster, one site after another. */
@Component
class ScannerJobs {

	static final String MONTHLY = "scanner.monthly";
	static final String INTERRUPTED = "scanner.interrupted";

	private static final Logger log = LoggerFactory.getLogger(ScannerJobs.class);

	private final ScanRuns runs;
	private final ScannedSites sites;
	private final JobRuns jobRuns;
	private final Clock clock;

	ScannerJobs(ScanRuns runs, ScannedSites sites, JobRuns jobRuns, Clock clock) {
		this.runs = runs;
		this.sites = sites;
		this.jobRuns = jobRuns;
		this.clock = clock;
	}

	@Scheduled(cron = "${charter.scanner.cron:0 0 3 1 * *}", zone = "${charter.web.time-zone:Europe/Brussels}")
	@SchedulerLock(name = MONTHLY, lockAtLeastFor = "PT1M", lockAtMostFor = "PT12H")
	public void scanEverySite() {
		Instant started = clock.instant();
		if (!runs.browserInstalled()) {
			jobRuns.record(MONTHLY, started, "skipped: no Chromium");
			return;
		}
		int scanned = 0;
		int refused = 0;
		for (String site : sites.siteKeys()) {
			try {
				runs.runNow(site, Actors.SYSTEM);
				scanned++;
			}
			catch (ScanRefused notNow) {
				// A site never published has nothing to scan against; a scan on demand may hold the instance.
				log.info("Monthly scan of {} not run: {}", site, notNow.getMessage());
				refused++;
			}
		}
		jobRuns.record(MONTHLY, started, "scanned " + scanned + ", not scanned " + refused);
	}

	/** Scans whose instance stopped during them are marked interrupted, also when that instance never restarts. */
	@Scheduled(fixedDelayString = "${charter.scanner.interrupted-check:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = INTERRUPTED, lockAtMostFor = "PT5M")
	public void interruptSilentScans() {
		Instant started = clock.instant();
		int interrupted = runs.interruptSilent();
		if (interrupted > 0) {
			jobRuns.record(INTERRUPTED, started, "interrupted " + interrupted);
		}
	}
}
