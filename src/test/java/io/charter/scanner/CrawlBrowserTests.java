package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.charter.consent.Declaration;
import io.charter.scanner.Observations.SeenCookie;
import io.charter.scanner.Observations.Visit;

/**
 * The scan engine in a real headless Chromium against a test website served here: the first party on
 * 127.0.0.1, the third party (an iframe the banner holds back until "accept all") on localhost. The
 * site declares session_id, lang, charter_consent, _ga and _gid; one careless script writes an
 * undeclared marketing cookie (_fbp) before any choice, and _gid is never set: exactly those are found.
 */
@Tag("browser")
class CrawlBrowserTests {

	static final String CHROMIUM = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
	static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	static HttpServer firstParty;
	static HttpServer thirdParty;
	static volatile CountDownLatch slowRequested;
	static final ScannerSettings SETTINGS = new ScannerSettings(CHROMIUM, DRIVER, 10, Duration.ofMinutes(2),
			Duration.ofSeconds(15), org.springframework.util.unit.DataSize.ofMegabytes(1),
			org.springframework.util.unit.DataSize.ofMegabytes(256), org.springframework.util.unit.DataSize.ofMegabytes(20),
			true, List.of(), Duration.ofSeconds(30), Duration.ofMinutes(3));

	@BeforeAll
	static void serve() throws IOException {
		Assumptions.assumeTrue(SETTINGS.browserInstalled() || System.getenv("CI") != null,
				"Browser tests skipped: no Chromium at " + CHROMIUM + " and chromedriver at " + DRIVER);
		thirdParty = serve("127.0.0.1", e -> answer(e, "text/html", "<!doctype html><p>Chat loaded</p>", Map.of()));
		firstParty = serve("127.0.0.1", CrawlBrowserTests::site);
	}

	@AfterAll
	static void stop() {
		stop(firstParty, thirdParty);
	}

	/** A test website on a loopback address and a port of its own. */
	static HttpServer serve(String address, com.sun.net.httpserver.HttpHandler pages) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
		server.createContext("/", pages);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		return server;
	}

	static void stop(HttpServer... servers) {
		for (HttpServer server : servers) {
			if (server != null) {
				server.stop(0);
			}
		}
	}

	static String origin() {
		return "http://127.0.0.1:" + firstParty.getAddress().getPort();
	}

	static void site(HttpExchange e) throws IOException {
		String path = e.getRequestURI().getPath();
		String third = "http://localhost:" + thirdParty.getAddress().getPort() + "/chat";
		String page = """
				<!doctype html><html lang="en"><head><title>%s</title>
				<script src="/banner.js"></script>
				<script>
				  localStorage.setItem('visits', '1');
				  if (!document.cookie.includes('charter_consent')) document.cookie = '_fbp=fb.1; max-age=7776000; path=/';
				</script>
				<script type="text/plain" data-category="analytics">document.cookie = '_ga=GA1.1; max-age=63072000; path=/';</script>
				</head><body><h1>%s</h1><a href="/">Home</a> <a href="/about#team">About</a>
				<a href="%s">Elsewhere</a>
				<iframe data-category="analytics" data-src="%s" title="chat"></iframe></body></html>""";
		switch (path) {
			case "/" -> answer(e, "text/html", page.formatted("Home", "Home", third, third),
					Map.of("Set-Cookie", "session_id=abc; Path=/; HttpOnly"));
			case "/about" -> answer(e, "text/html", page.formatted("About", "About", third, third),
					Map.of("Set-Cookie", "lang=en; Max-Age=31536000; Path=/"));
			case "/slow" -> {
				slowRequested.countDown();
				try {
					Thread.sleep(20_000);
				}
				catch (InterruptedException ignored) {
					Thread.currentThread().interrupt();
				}
				answer(e, "text/html", "<p>late</p>", Map.of());
			}
			case "/sitemap.xml" -> answer(e, "application/xml", slowRequested == null ? "" : """
					<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
					<url><loc>%s/slow</loc></url><url><loc>https://elsewhere.example/</loc></url></urlset>"""
					.formatted(origin()), Map.of(), slowRequested == null ? 404 : 200);
			case "/banner.js" -> answer(e, "text/javascript", BANNER, Map.of());
			default -> answer(e, "text/plain", "", Map.of(), 404);
		}
	}

	/**
	 * Stands in for Charter's banner with its markup (a {@code charter-consent} element whose shadow
	 * root holds {@code .cb .bs .b}: accept all, refuse all) and its API ({@code Charter.consent()}):
	 * held-back scripts and iframes run after "accept all"; a choice is kept in charter_consent.
	 */
	static final String BANNER = """
			(function () {
			  var chosen = document.cookie.match(/charter_consent=([a-z]+)/);
			  var state = chosen ? chosen[1] : null;
			  var run = function () {
			    document.querySelectorAll('script[type="text/plain"][data-category]').forEach(function (s) {
			      var r = document.createElement('script'); r.text = s.text; s.replaceWith(r); });
			    document.querySelectorAll('iframe[data-src]').forEach(function (f) { f.src = f.getAttribute('data-src'); });
			  };
			  var choose = function (value) {
			    state = value;
			    document.cookie = 'charter_consent=' + value + '; max-age=15724800; path=/';
			    if (value == 'all') run();
			  };
			  window.Charter = { consent: function () { return state && { categories: { analytics: state == 'all' } }; } };
			  document.addEventListener('DOMContentLoaded', function () {
			    if (state == 'all') { run(); return; }
			    if (state) return;
			    var host = document.createElement('charter-consent');
			    document.body.appendChild(host);
			    var root = host.attachShadow({ mode: 'open' });
			    root.innerHTML = '<div class="cb"><div class="bs"><button class="b">Accept all</button>'
			        + '<button class="b">Refuse all</button><button class="b">Customise</button></div></div>';
			    var b = root.querySelectorAll('.b');
			    b[0].onclick = function () { choose('all'); };
			    b[1].onclick = function () { choose('none'); };
			  });
			})();""";

	static void answer(HttpExchange e, String type, String body, Map<String, String> headers) throws IOException {
		answer(e, type, body, headers, 200);
	}

	static void answer(HttpExchange e, String type, String body, Map<String, String> headers, int status)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		e.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		headers.forEach((k, v) -> e.getResponseHeaders().add(k, v));
		e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			e.getResponseBody().write(bytes);
		}
		e.close();
	}

	static Declaration declaration(String origin) {
		var necessary = ScanFixtures.declaration(List.of(origin), ScanFixtures.cookie("_ga", 730),
				ScanFixtures.cookie("_gid", 1));
		var site = necessary.services().get(0);
		var services = List.of(new Declaration.Service(site.key(), site.name(), site.provider(), site.category(), false,
				null, Map.of(), List.of(ScanFixtures.cookie("session_id", null), ScanFixtures.cookie("lang", 365),
						ScanFixtures.cookie("charter_consent", 182))), necessary.services().get(1));
		return new Declaration("test", 1, necessary.publishedAt(), true, 1, necessary.site(), necessary.categories(),
				services, Map.of(), Map.of());
	}

	static final Crawl.Progress NEVER_CANCELLED = new Crawl.Progress() {
		@Override
		public void pages(int done, int planned) {
		}

		@Override
		public boolean cancelled() {
			return false;
		}
	};

	@Test
	void aScanFindsExactlyThePlantedFindings() {
		Declaration declaration = declaration(origin());
		Observations seen;
		try (Browser browser = Browser.start(SETTINGS)) {
			seen = new Crawl(SETTINGS, List.of(origin()), List.of(), Clock.systemUTC()).run(browser, NEVER_CANCELLED);
		}
		assertThat(seen.pages()).containsExactly(origin() + "/", origin() + "/about");
		List<Finding> findings = Findings.of(seen, declaration,
				new Classification.Classifier(declaration, OpenCookieDatabase.shipped()));
		assertThat(findings).extracting(Finding::key).containsExactlyInAnyOrder("COOKIE_BEFORE_CONSENT _fbp",
				"COOKIE_AFTER_REFUSAL _fbp", "UNDECLARED_COOKIE _fbp", "DECLARED_NEVER_SEEN _gid");
		assertThat(findings).filteredOn(f -> f.subject().equals("_fbp")).allSatisfy(f -> {
			assertThat(f.page()).isEqualTo(origin() + "/");
			assertThat(f.category()).isEqualTo("marketing");
			assertThat(f.evidence()).contains("set by script", "first party");
		});
		// Who set what: headers for session_id and lang, scripts for the rest; _ga only once accepted.
		assertThat(seen.cookies()).filteredOn(c -> c.name().equals("session_id")).allMatch(SeenCookie::byHeader)
				.allMatch(c -> c.expires() == null);
		assertThat(seen.cookies()).filteredOn(c -> c.name().equals("lang")).allMatch(SeenCookie::byHeader)
				.first().satisfies(c -> assertThat(c.page()).isEqualTo(origin() + "/about"));
		assertThat(seen.cookies()).filteredOn(c -> c.name().equals("_ga")).extracting(SeenCookie::visit)
				.containsExactly(Visit.ACCEPTED);
		// The third party is contacted only once accepted, and never visited itself.
		assertThat(seen.hosts()).extracting(h -> h.visit() + " " + h.host()).containsExactly("ACCEPTED localhost");
		assertThat(seen.storage()).extracting(s -> s.key()).contains("visits");
	}

	@Test
	void cancellingAScanLeavesNoBrowserProcessBehind() throws Exception {
		slowRequested = new CountDownLatch(1);
		AtomicReference<Browser> started = new AtomicReference<>();
		CompletableFuture<Void> scan = CompletableFuture.runAsync(() -> {
			try (Browser browser = Browser.start(SETTINGS)) {
				started.set(browser);
				new Crawl(SETTINGS, List.of(origin()), List.of(), Clock.systemUTC()).run(browser,
						NEVER_CANCELLED);
			}
		});
		assertThat(slowRequested.await(30, TimeUnit.SECONDS)).isTrue();
		List<ProcessHandle> browserProcesses = started.get().processes().toList();
		assertThat(browserProcesses).anySatisfy(p -> assertThat(p.info().command().orElse("")).contains("chromedriver"))
				.anySatisfy(p -> assertThat(p.info().command().orElse("")).contains("chrom"));

		started.get().close();

		assertThat(scan).failsWithin(Duration.ofSeconds(20));
		slowRequested = null;
		assertThat(browserProcesses).noneMatch(ProcessHandle::isAlive);
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
				.map(p -> p.info().command().orElse(""))).noneMatch(c -> c.contains("chrom"));
	}
}
