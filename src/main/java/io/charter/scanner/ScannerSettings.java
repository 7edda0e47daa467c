package io.charter.scanner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code charter.scanner.*}.
 *
 * @param chromium the browser (environment {@code CHROME_BIN} when set)
 * @param chromedriver its driver, of the same version (environment {@code CHROMEDRIVER} when set)
 * @param maxPages pages a scan visits at most (each three times)
 * @param maxDuration a scan is stopped after this long, with what it saw so far
 * @param pageTimeout one page's load at most
 * @param maxPageSize a page whose document is larger is not examined
 * @param browserMemory the JavaScript heap each page may use
 * @param allowPrivateAddresses lets a scan visit loopback and private addresses: for tests and
 *        staging sites only, a scan could otherwise reach the server's own network
 */
@ConfigurationProperties("charter.scanner")
record ScannerSettings(@DefaultValue("/usr/bin/chromium") String chromium,
		@DefaultValue("/usr/bin/chromedriver") String chromedriver, @DefaultValue("50") int maxPages,
		@DefaultValue("PT20M") Duration maxDuration, @DefaultValue("PT30S") Duration pageTimeout,
		@DefaultValue("5MB") DataSize maxPageSize, @DefaultValue("512MB") DataSize browserMemory,
		@DefaultValue("false") boolean allowPrivateAddresses) {

	static ScannerSettings defaults() {
		return new ScannerSettings("/usr/bin/chromium", "/usr/bin/chromedriver", 50, Duration.ofMinutes(20),
				Duration.ofSeconds(30), DataSize.ofMegabytes(5), DataSize.ofMegabytes(512), false);
	}

	ScannerSettings allowingPrivateAddresses(int pages) {
		return new ScannerSettings(chromium, chromedriver, pages, maxDuration, pageTimeout, maxPageSize, browserMemory,
				true);
	}

	/** Both programs are there and runnable: else the scanner pages say how to install them. */
	boolean browserInstalled() {
		return new java.io.File(chromium).canExecute() && new java.io.File(chromedriver).canExecute();
	}
}
