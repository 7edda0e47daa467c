package io.charter.scanner;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlReport;
import io.charter.shared.control.ControlStatus;

/**
 * Two controls from the last finished scan of each site: no breach of C1/C5 (cookies or third
 * parties before consent or after refusal), and no undeclared cookie (C3/C4). Not measured before
 * any scan.
 */
@Component
class ScannerControls implements ControlReport {

	private final Scans scans;

	ScannerControls(Scans scans) {
		this.scans = scans;
	}

	@Override
	public List<Control> controls(LocalDate today) {
		List<Scan> last = scans.lastDone();
		if (last.isEmpty()) {
			return List.of(
					Control.notMeasured("cookie-scan-breaches", "scanner.control.breaches", Set.of("C1", "C5"),
							"scanner.control.not-scanned", "/scanner"),
					Control.notMeasured("cookie-scan-undeclared", "scanner.control.undeclared", Set.of("C3", "C4"),
							"scanner.control.not-scanned", "/scanner"));
		}
		long sites = last.size();
		long breaches = last.stream().mapToLong(Scan::breaches).sum();
		long undeclared = last.stream().mapToLong(Scan::undeclared).sum();
		long sitesClean = last.stream().filter(s -> s.breaches() == 0).count();
		long sitesDeclared = last.stream().filter(s -> s.undeclared() == 0).count();
		java.time.Instant lastScan = last.stream().map(Scan::finishedAt).max(java.util.Comparator.naturalOrder())
				.orElseThrow();
		return List.of(
				new Control("cookie-scan-breaches", "scanner.control.breaches", Set.of("C1", "C5"),
						breaches == 0 ? ControlStatus.PASSING : ControlStatus.FAILING, sitesClean, sites, 0, null,
						"scanner.control.breaches-figure", List.of(breaches, lastScan), "/scanner"),
				new Control("cookie-scan-undeclared", "scanner.control.undeclared", Set.of("C3", "C4"),
						undeclared == 0 ? ControlStatus.PASSING : ControlStatus.ATTENTION, sitesDeclared, sites, 0, null,
						"scanner.control.undeclared-figure", List.of(undeclared, lastScan), "/scanner"));
	}
}
