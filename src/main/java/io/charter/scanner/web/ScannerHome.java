package io.charter.scanner.web;

import java.util.List;

/**
 * The scanner's first page.
 *
 * @param browserInstalled false: the page says how to install Chromium, and offers no scan
 * @param chromium where Charter looks for the browser ({@code charter.scanner.chromium})
 */
public record ScannerHome(boolean browserInstalled, String chromium, String chromedriver, List<String> sites,
		List<ScanView> scans) {
}
