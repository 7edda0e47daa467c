package io.charter.scanner;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.platform.BaseUrl;
import io.charter.scanner.ScannerEvent.ScanEnded;
import io.charter.scanner.ScannerEvent.ScanStarted;
import io.charter.shared.Role;

/**
 * Runs scans, one at a time on this instance, on a thread of their own. A scan reads the site's
 * published declaration (its allowed origins and its catalogue); its browser is closed when it ends,
 * is cancelled, or the instance stops. The privacy team is e-mailed when a scan finds a breach.
 */
@Component
class ScanRuns implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ScanRuns.class);

	/** The scan under way on this instance. */
	private record Running(UUID scanId, AtomicBoolean cancelled, AtomicReference<Browser> browser) {
	}

	private final AtomicReference<Running> running = new AtomicReference<>();
	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "cookie-scan-heartbeat");
		t.setDaemon(true);
		return t;
	});
	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "cookie-scan");
		t.setDaemon(true);
		return t;
	});
	private final Scans scans;
	private final DeclarationVersions declarations;
	private final ScannerSettings settings;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Notifications notifications;
	private final IdentityManagement identity;
	private final BaseUrl baseUrl;
	private final Clock clock;

	ScanRuns(Scans scans, DeclarationVersions declarations, ScannerSettings settings, TransactionTemplate transactions,
			ApplicationEventPublisher events, Notifications notifications, IdentityManagement identity, BaseUrl baseUrl,
			Clock clock) {
		this.scans = scans;
		this.declarations = declarations;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.notifications = notifications;
		this.identity = identity;
		this.baseUrl = baseUrl;
		this.clock = clock;
		long beat = settings.heartbeat().toMillis();
		heartbeat.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
	}

	/** The scan under way here says it is alive, so no other instance takes it for one a stop left behind. */
	void beat() {
		Running scan = running.get();
		if (scan != null) {
			try {
				scans.beat(scan.scanId(), clock.instant());
			}
			catch (RuntimeException unavailable) {
				log.warn("Scan {} could not say it is alive: {}", scan.scanId(), unavailable.toString());
			}
		}
	}

	/**
	 * A scan a stopped instance left running never ends by itself: once silent, it is marked interrupted
	 * (at start-up, before a scan starts, and by a job), whichever instance notices; a scan this or
	 * another instance still runs keeps beating and is left alone.
	 *
	 * @return how many were marked
	 */
	int interruptSilent() {
		Instant now = clock.instant();
		int interrupted = scans.interrupt(now, now.minus(settings.silentAfter()));
		if (interrupted > 0) {
			log.warn("{} scan(s) left running by a stopped instance marked interrupted", interrupted);
		}
		return interrupted;
	}

	@EventListener(ApplicationReadyEvent.class)
	void interruptSilentAtStart() {
		interruptSilent();
	}

	boolean browserInstalled() {
		return settings.browserInstalled();
	}

	Optional<UUID> current() {
		return Optional.ofNullable(running.get()).map(Running::scanId);
	}

	/** Starts a scan in the background; refused while another runs here, or without Chromium or a published site. */
	UUID start(String siteKey, String actor) {
		Running scan = claim(siteKey, actor);
		try {
			thread.execute(() -> run(scan, siteKey, actor));
		}
		catch (RuntimeException rejected) {
			running.compareAndSet(scan, null);
			throw rejected;
		}
		return scan.scanId();
	}

	/** Runs a scan to its end in the caller's thread (the monthly job). */
	UUID runNow(String siteKey, String actor) {
		Running scan = claim(siteKey, actor);
		run(scan, siteKey, actor);
		return scan.scanId();
	}

	/** Stops the scan at once: its browser is closed, whatever it was doing. */
	boolean cancel(UUID scanId) {
		Running scan = running.get();
		if (scan == null || !scan.scanId().equals(scanId)) {
			return false;
		}
		scan.cancelled().set(true);
		Browser browser = scan.browser().get();
		if (browser != null) {
			browser.close();
		}
		return true;
	}

	private Running claim(String siteKey, String actor) {
		if (!settings.browserInstalled()) {
			throw new ScanRefused("no-browser");
		}
		Declaration declaration = declarations.current(siteKey).orElseThrow(() -> new ScanRefused("not-published"));
		if (declaration.site().origins().isEmpty()) {
			throw new ScanRefused("no-origins");
		}
		Running scan = new Running(UUID.randomUUID(), new AtomicBoolean(), new AtomicReference<>());
		if (!running.compareAndSet(null, scan)) {
			throw new ScanRefused("busy");
		}
		try {
			interruptSilent();
		}
		catch (RuntimeException notNow) {
			log.warn("Silent scans not checked: {}", notNow.toString());
		}
		try {
			transactions.executeWithoutResult(t -> {
				scans.insert(new Scan(scan.scanId(), siteKey, Scan.Status.RUNNING, actor, clock.instant(), null, 0, 0,
						null, 0, 0, null));
				events.publishEvent(new ScanStarted(scan.scanId(), siteKey, "scan of " + siteKey + " started", actor,
						clock.instant()));
			});
		}
		catch (RuntimeException failed) {
			running.set(null);
			throw failed;
		}
		return scan;
	}

	private void run(Running scan, String siteKey, String actor) {
		Observations seen = null;
		Scan.Status status = Scan.Status.FAILED;
		String failure = null;
		Declaration declaration = null;
		try {
			declaration = declarations.current(siteKey).orElseThrow(() -> new ScanRefused("not-published"));
			Crawl crawl = new Crawl(settings, declaration.site().origins(), List.of(charterHost()), clock);
			try (Browser browser = Browser.start(settings)) {
				scan.browser().set(browser);
				if (scan.cancelled().get()) {
					throw new ScanStopped();
				}
				seen = crawl.run(browser, new Crawl.Progress() {
					@Override
					public void pages(int done, int planned) {
						scans.progress(scan.scanId(), done, planned);
					}

					@Override
					public boolean cancelled() {
						return scan.cancelled().get();
					}
				});
				status = Scan.Status.DONE;
			}
		}
		catch (RuntimeException failed) {
			Browser browser = scan.browser().get();
			if (scan.cancelled().get()) {
				status = Scan.Status.CANCELLED;
			}
			else if (failed instanceof ScanStopped || browser != null && browser.expired()) {
				// Stopped between pages at its time limit, or by the browser's watchdog in the middle of one.
				failure = "time limit of " + settings.maxDuration() + " reached";
			}
			else {
				failure = failed.getClass().getSimpleName() + ": " + failed.getMessage();
				log.warn("Scan {} of {} failed: {}", scan.scanId(), siteKey, failure);
			}
		}
		finally {
			scan.browser().set(null);
			try {
				record(scan.scanId(), siteKey, actor, status, declaration, seen, failure);
			}
			finally {
				running.compareAndSet(scan, null);
			}
		}
	}

	private void record(UUID id, String siteKey, String actor, Scan.Status status, Declaration declaration,
			Observations seen, String failure) {
		List<Finding> findings = seen == null || declaration == null ? List.of()
				: Findings.of(seen, declaration, new Classification.Classifier(declaration, OpenCookieDatabase.shipped()));
		int breaches = (int) findings.stream().filter(f -> f.kind().breach()).count();
		int undeclared = (int) findings.stream().filter(f -> f.kind() == Finding.Kind.UNDECLARED_COOKIE).count();
		transactions.executeWithoutResult(t -> {
			scans.finish(id, status, clock.instant(), declaration == null ? null : declaration.version(), findings,
					failure);
			if (seen != null) {
				scans.observations(id, seen);
			}
			events.publishEvent(new ScanEnded(id, siteKey, status.name(), breaches, undeclared, "scan of " + siteKey
					+ " " + status.name().toLowerCase() + ": " + breaches + " breaches, " + undeclared + " undeclared",
					actor, clock.instant()));
			if (breaches > 0) {
				for (UserSummary privacy : identity.usersWithRole(Role.PRIVACY)) {
					notifications.send(new Mail(privacy.email(), "scanner-breach", privacy.language(),
							java.util.Map.of("name", privacy.displayName(), "site", siteKey,
									"breaches", Integer.toString(breaches), "link", baseUrl.to("/scanner/scans/" + id)),
							java.util.Map.of()));
				}
			}
		});
	}

	private String charterHost() {
		String host = URI.create(baseUrl.toString()).getHost();
		return host == null ? "" : host;
	}

	@Override
	public void destroy() {
		Running scan = running.get();
		if (scan != null) {
			cancel(scan.scanId());
		}
		heartbeat.shutdownNow();
		thread.shutdownNow();
	}
}
