package io.charter.scanner;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.consent.ScannedSites;
import io.charter.scanner.ScannerEvent.CookieProposed;
import io.charter.scanner.web.FindingView;
import io.charter.scanner.web.ScanDiffView;
import io.charter.scanner.web.ScanView;
import io.charter.scanner.web.ScannerHome;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;

/** What the privacy team does with scans, and what it and the auditors read. */
@Service
class ScanSteps {

	static final String READ = "hasAnyRole('PRIVACY','ADMIN','AUDITOR')";
	static final String RUN = "hasAnyRole('PRIVACY','ADMIN')";

	private final ScanRuns runs;
	private final Scans scans;
	private final ScannedSites sites;
	private final ScannerSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ScanSteps(ScanRuns runs, Scans scans, ScannedSites sites, ScannerSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.runs = runs;
		this.scans = scans;
		this.sites = sites;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public ScannerHome home() {
		return new ScannerHome(runs.browserInstalled(), settings.chromium(), settings.chromedriver(), sites.siteKeys(),
				scans.recent(100).stream().map(ScanSteps::view).toList());
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public ScanView scan(UUID id) {
		return view(existing(id));
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<FindingView> findings(UUID id) {
		existing(id);
		return views(scans.findings(id));
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public ScanDiffView diff(UUID from, UUID to) {
		ScanDiff diff = ScanDiff.between(scans.findings(existing(from).id()), scans.findings(existing(to).id()));
		return new ScanDiffView(view(existing(from)), view(existing(to)), views(diff.appeared()), views(diff.resolved()));
	}

	@PreAuthorize(RUN)
	public UUID start(String siteKey) {
		return runs.start(siteKey, Actors.current());
	}

	@PreAuthorize(RUN)
	public boolean cancel(UUID id) {
		return runs.cancel(id);
	}

	/**
	 * Adds an undeclared cookie the scan found to the site's draft catalogue, in the category the
	 * classification suggests, to be confirmed.
	 *
	 * @return the service that now holds it; empty when the site has no service in that category
	 */
	@PreAuthorize(RUN)
	@Transactional
	public Optional<String> propose(UUID id, int position) {
		Scan scan = existing(id);
		List<Finding> findings = scans.findings(id);
		if (position < 0 || position >= findings.size() || findings.get(position).kind() != Finding.Kind.UNDECLARED_COOKIE) {
			throw new NotFound("finding " + position + " of scan " + id);
		}
		Finding f = findings.get(position);
		Optional<String> service = sites.addFoundCookie(scan.siteKey(), f.category(), f.subject(), f.thirdParty(),
				f.retentionDays(), f.purpose(), "found by the cookie scan " + id + " on " + f.page());
		service.ifPresent(s -> events.publishEvent(new CookieProposed(id, scan.siteKey(), f.subject(),
				scan.siteKey() + ": cookie " + f.subject() + " added to the draft of service " + s, Actors.current(),
				clock.instant())));
		return service;
	}

	private Scan existing(UUID id) {
		return scans.find(id).orElseThrow(() -> new NotFound("scan " + id));
	}

	static ScanView view(Scan s) {
		return new ScanView(s.id(), s.siteKey(), s.status().name().toLowerCase(Locale.ROOT), s.startedAt(),
				s.finishedAt(), s.pagesDone(), s.pagesPlanned(), s.percent(), s.declarationVersion(), s.breaches(),
				s.undeclared(), s.failure());
	}

	private static List<FindingView> views(List<Finding> findings) {
		return java.util.stream.IntStream.range(0, findings.size()).mapToObj(i -> {
			Finding f = findings.get(i);
			return new FindingView(i, f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), f.kind().breach(),
					f.subject(), f.page(), f.evidence(), f.category(), f.purpose(),
					f.kind() == Finding.Kind.UNDECLARED_COOKIE);
		}).toList();
	}
}
