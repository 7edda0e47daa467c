package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A scan in a real Chromium of a site on 127.0.0.1 whose pages try to reach another port of the same
 * machine (standing for the server's own network): by a redirect, an image and a script's request.
 * Only the site's own address is allowed; the other server records every request that reaches it.
 */
@Tag("browser")
class GuardBrowserTests {

	static HttpServer site;
	static HttpServer internal;
	static final AtomicInteger internalHits = new AtomicInteger();
	/**
	 * A page's time-out for these scans. Their sites have no banner, so after the visit without a choice
	 * the scan looks for one for a whole page time-out, once for "accept all" and once for "refuse all",
	 * before it reports the banner missing: 15 s made each test wait 30 s. The pages are a few bytes
	 * (the large one is cut off at 1 MB) served on loopback.
	 */
	static final Duration PAGE_TIMEOUT = Duration.ofSeconds(5);
	/** {@link CrawlBrowserTests#SETTINGS} with {@link #PAGE_TIMEOUT}. */
	static final ScannerSettings SETTINGS = new ScannerSettings(CrawlBrowserTests.CHROMIUM, CrawlBrowserTests.DRIVER,
			CrawlBrowserTests.SETTINGS.maxPages(), CrawlBrowserTests.SETTINGS.maxDuration(), PAGE_TIMEOUT,
			CrawlBrowserTests.SETTINGS.maxPageSize(), CrawlBrowserTests.SETTINGS.browserMemory(),
			CrawlBrowserTests.SETTINGS.maxPageTransfer(), CrawlBrowserTests.SETTINGS.allowPrivateAddresses(),
			CrawlBrowserTests.SETTINGS.allowedPrivateAddresses(), CrawlBrowserTests.SETTINGS.heartbeat(),
			CrawlBrowserTests.SETTINGS.silentAfter());

	@BeforeAll
	static void serve() throws IOException {
		Assumptions.assumeTrue(CrawlBrowserTests.SETTINGS.browserInstalled() || System.getenv("CI") != null,
				"Browser tests skipped: no Chromium");
		internal = CrawlBrowserTests.serve("127.0.0.1", e -> {
			internalHits.incrementAndGet();
			CrawlBrowserTests.answer(e, "text/html", "<p>secret</p>", Map.of());
		});
		site = CrawlBrowserTests.serve("127.0.0.1", e -> {
			String secret = "http://127.0.0.1:" + internal.getAddress().getPort() + "/secret";
			switch (e.getRequestURI().getPath()) {
				case "/" -> CrawlBrowserTests.answer(e, "text/html", """
						<!doctype html><html lang="en"><head><title>Home</title></head><body>
						<img src="%s.png" alt=""><script>fetch('%s.json', {mode: 'no-cors'});</script>
						<a href="/leave">Leave</a> <a href="/big">Big</a></body></html>""".formatted(secret, secret), Map.of());
				case "/leave" -> {
					e.getResponseHeaders().add("Location", secret);
					CrawlBrowserTests.answer(e, "text/plain", "", Map.of(), 302);
				}
				case "/big" -> CrawlBrowserTests.answer(e, "text/html",
						"<!doctype html><title>Big</title><p>" + "x".repeat(3_000_000), Map.of());
				default -> CrawlBrowserTests.answer(e, "text/plain", "", Map.of(), 404);
			}
		});
	}

	@AfterAll
	static void stop() {
		CrawlBrowserTests.stop(site, internal);
	}

	@Test
	void aPageCannotSteerTheScanToAnotherAddressNorLoadMoreThanItsBudget() {
		String origin = "http://127.0.0.1:" + site.getAddress().getPort();
		ScannerSettings settings = new ScannerSettings(CrawlBrowserTests.CHROMIUM, CrawlBrowserTests.DRIVER, 10,
				Duration.ofMinutes(2), PAGE_TIMEOUT, DataSize.ofMegabytes(5), DataSize.ofMegabytes(256),
				DataSize.ofMegabytes(1), false, List.of("127.0.0.1:" + site.getAddress().getPort()), Duration.ofSeconds(30),
				Duration.ofMinutes(3));
		Observations seen;
		try (Browser browser = Browser.start(settings)) {
			seen = new Crawl(settings, List.of(origin), List.of(), Clock.systemUTC()).run(browser,
					CrawlBrowserTests.NEVER_CANCELLED);
			assertThat(browser.egress().refused()).anySatisfy(r -> assertThat(r).contains("127.0.0.1:" + internal.getAddress().getPort()));
		}
		assertThat(internalHits).hasValue(0);
		assertThat(seen.pages()).containsExactly(origin + "/");
		assertThat(seen.skipped()).anySatisfy(s -> assertThat(s).startsWith("refused-navigation " + origin + "/leave -> "))
				.anySatisfy(s -> assertThat(s).isEqualTo("too-large " + origin + "/big"));
	}

	@Test
	void theBrowserIsEndedAtTheScansTimeLimitWhateverItIsDoing() throws Exception {
		ScannerSettings settings = new ScannerSettings(CrawlBrowserTests.CHROMIUM, CrawlBrowserTests.DRIVER, 10,
				Duration.ofSeconds(2), Duration.ofSeconds(1), DataSize.ofMegabytes(5), DataSize.ofMegabytes(256),
				DataSize.ofMegabytes(1), true, List.of(), Duration.ofSeconds(30), Duration.ofMinutes(3));
		try (Browser browser = Browser.start(settings)) {
			List<ProcessHandle> processes = browser.processes().toList();
			assertThat(processes).isNotEmpty();
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(browser::expired);
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
					.until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
			org.assertj.core.api.Assertions.assertThatExceptionOfType(ScanStopped.class).isThrownBy(browser::driver);
		}
	}

	/**
	 * A redirect and a script sending the page to another host: neither request reaches it, the pages
	 * are reported refused; the same host's image on the page still loads, so third parties are observed.
	 * The other host stands on loopback for a public one: private addresses are allowed here, so only
	 * the navigation guard stops it.
	 */
	@Test
	void aPageSendingTheBrowserToAnotherHostIsStoppedBeforeItsRequestLeaves() throws Exception {
		java.util.Map<String, AtomicInteger> hits = new java.util.concurrent.ConcurrentHashMap<>();
		HttpServer outside = CrawlBrowserTests.serve("127.0.0.1", e -> {
			hits.computeIfAbsent(e.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
			CrawlBrowserTests.answer(e, "text/html", "<p>elsewhere</p>", Map.of());
		});
		String away = "http://127.0.0.1:" + outside.getAddress().getPort();
		HttpServer sending = CrawlBrowserTests.serve("127.0.0.1", e -> {
			switch (e.getRequestURI().getPath()) {
				case "/" -> CrawlBrowserTests.answer(e, "text/html", """
						<!doctype html><html lang="en"><head><title>Home</title></head><body>
						<img src="%s/pixel.png" alt=""><a href="/redirect">R</a> <a href="/script">S</a></body></html>"""
						.formatted(away), Map.of());
				case "/redirect" -> {
					e.getResponseHeaders().add("Location", away + "/landing");
					CrawlBrowserTests.answer(e, "text/plain", "", Map.of(), 302);
				}
				case "/script" -> CrawlBrowserTests.answer(e, "text/html", """
						<!doctype html><title>S</title><script>location.href = '%s/scripted';</script>""".formatted(away),
						Map.of());
				default -> CrawlBrowserTests.answer(e, "text/plain", "", Map.of(), 404);
			}
		});
		String origin = "http://127.0.0.1:" + sending.getAddress().getPort();
		try {
			Observations seen;
			try (Browser browser = Browser.start(SETTINGS)) {
				seen = new Crawl(SETTINGS, List.of(origin), List.of(), Clock.systemUTC()).run(browser,
						CrawlBrowserTests.NEVER_CANCELLED);
			}
			assertThat(hits.get("/landing")).as("the redirect's target").isNull();
			assertThat(hits.get("/pixel.png")).as("a third party's image still loads").isNotNull();
			assertThat(seen.skipped()).contains("refused-navigation " + origin + "/redirect -> " + away + "/landing");
			assertThat(seen.skipped()).anySatisfy(s -> assertThat(s).startsWith("refused-navigation " + origin + "/script"));
			assertThat(hits.get("/scripted")).as("the script's target").isNull();
		}
		finally {
			CrawlBrowserTests.stop(sending, outside);
		}
	}
}
