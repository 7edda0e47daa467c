package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;

/**
 * A whole scan through Charter: a test website on 127.0.0.1 embeds Charter's own banner (served by
 * Charter on localhost) and a third-party iframe (on [::1]) the banner holds back until "accept all".
 * One careless script writes an undeclared marketing cookie before any choice, which the banner
 * cannot stop as it does not know it, and _gid is declared but never set: the scan stores exactly
 * those findings, and e-mails nobody it need not.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScannerBrowserTests {

	static HttpServer firstParty;
	static HttpServer thirdParty;
	static volatile String banner;

	@LocalServerPort
	int port;
	@Autowired
	ScanRuns runs;
	@Autowired
	Scans scans;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	DeclarationVersions versions;

	@BeforeAll
	static void serve() throws IOException {
		Assumptions.assumeTrue(CrawlBrowserTests.SETTINGS.browserInstalled() || System.getenv("CI") != null,
				"Browser tests skipped: no Chromium");
		thirdParty = CrawlBrowserTests.serve("::1",
				e -> CrawlBrowserTests.answer(e, "text/html", "<p>Chat loaded</p>", Map.of()));
		firstParty = CrawlBrowserTests.serve("127.0.0.1", ScannerBrowserTests::site);
	}

	@AfterAll
	static void stop() {
		CrawlBrowserTests.stop(firstParty, thirdParty);
	}

	static String origin() {
		return "http://127.0.0.1:" + firstParty.getAddress().getPort();
	}

	static void site(HttpExchange e) throws IOException {
		String third = "http://[::1]:" + thirdParty.getAddress().getPort() + "/chat";
		String page = """
				<!doctype html><html lang="en"><head><title>%s</title>
				<script src="%s"></script>
				<script>
				  if (!document.cookie.includes('charter_consent')) document.cookie = '_fbp=fb.1; max-age=7776000; path=/';
				</script>
				<script type="text/plain" data-category="analytics">document.cookie = '_ga=GA1.1; max-age=63072000; path=/';</script>
				</head><body><h1>%s</h1><a href="/">Home</a> <a href="/about">About</a>
				<iframe data-category="analytics" data-src="%s" title="chat"></iframe></body></html>""";
		switch (e.getRequestURI().getPath()) {
			case "/" -> CrawlBrowserTests.answer(e, "text/html", page.formatted("Home", banner, "Home", third),
					Map.of("Set-Cookie", "session_id=abc; Path=/; HttpOnly"));
			case "/about" -> CrawlBrowserTests.answer(e, "text/html", page.formatted("About", banner, "About", third),
					Map.of("Set-Cookie", "lang=en; Max-Age=31536000; Path=/"));
			default -> CrawlBrowserTests.answer(e, "text/plain", "", Map.of(), 404);
		}
	}

	/** Published as a publication leaves it: the site's row and its first declaration version. */
	String publish() {
		String site = "scan-" + UUID.randomUUID().toString().substring(0, 8);
		Declaration shape = CrawlBrowserTests.declaration(origin());
		Declaration d = new Declaration(site, 1, Instant.now(), true, 1, shape.site(), shape.categories(),
				shape.services(), Map.of("en", Map.of()), Map.of("fr", "", "nl", "", "en", ""));
		UUID siteId = UUID.randomUUID();
		jdbc.sql("""
				insert into consent_site (id, site_key, name, origins, languages, default_language,
				  consent_lifetime_days, refusal_lifetime_days, wait_for_update_ms, created_at)
				values (:id, :key, 'Scanned', :origins, 'en', 'en', 182, 90, 500, :now)""").param("id", siteId)
				.param("key", site).param("origins", origin()).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
		jdbc.sql("""
				insert into declaration_version (id, site_id, version, published_at, published_by, material,
				  material_version, summary_fr, summary_nl, summary_en, snapshot, snapshot_hash)
				values (:id, :site, 1, :at, 'test', true, 1, '', '', '', :snapshot, :hash)""")
				.param("id", UUID.randomUUID()).param("site", siteId).param("at", OffsetDateTime.now(ZoneOffset.UTC))
				.param("snapshot", json.writeValueAsString(d)).param("hash", UUID.randomUUID().toString()).update();
		versions.forgetCurrent(site);
		return site;
	}

	@Test
	void aScanWithChartersBannerStoresExactlyThePlantedFindings() {
		String site = publish();
		banner = "http://localhost:" + port + "/c/" + site + "/banner.js";

		UUID id = runs.runNow(site, "system");

		Scan scan = scans.find(id).orElseThrow();
		assertThat(scan.status()).isEqualTo(Scan.Status.DONE);
		assertThat(scan.failure()).isNull();
		assertThat(scans.findings(id)).extracting(Finding::key).containsExactlyInAnyOrder(
				"COOKIE_BEFORE_CONSENT _fbp", "COOKIE_AFTER_REFUSAL _fbp", "UNDECLARED_COOKIE _fbp",
				"DECLARED_NEVER_SEEN _gid");
		assertThat(scan.breaches()).isEqualTo(2);
		assertThat(scan.undeclared()).isEqualTo(1);
		assertThat(scans.findings(id)).filteredOn(f -> f.kind() == Finding.Kind.UNDECLARED_COOKIE).singleElement()
				.satisfies(f -> {
					assertThat(f.category()).isEqualTo("marketing");
					assertThat(f.retentionDays()).isEqualTo(90);
					assertThat(f.purpose()).isNotBlank();
				});
		// Charter's own banner is not a third party; the held-back iframe was loaded once accepted only.
		assertThat(jdbc.sql("select visit || ' ' || name from scan_observation where scan_id = :id and what = 'host'")
				.param("id", id).query(String.class).list()).containsExactly("ACCEPTED [::1]");
		assertThat(runs.current()).isEmpty();
	}
}
