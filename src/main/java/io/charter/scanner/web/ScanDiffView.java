package io.charter.scanner.web;

import java.util.List;

/** Two scans of a site side by side: what appeared in the later one, what it no longer found. */
public record ScanDiffView(ScanView from, ScanView to, List<FindingView> appeared, List<FindingView> resolved) {
}
