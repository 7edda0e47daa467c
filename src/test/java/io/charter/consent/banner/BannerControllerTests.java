package io.charter.consent.banner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;

/**
 * The banner's public endpoints over real HTTP on Tomcat: precompressed answers with strong ETags
 * and revalidation, versioned immutable configs, 404s, and the size budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BannerControllerTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	DeclarationVersions versions;
	@Autowired
	ApplicationContext context;

	final HttpClient http = HttpClient.newHttpClient();
	String site;

	@BeforeEach
	void publishASite() {
		site = TestSite.uniqueKey("banner-http");
		TestSite.publish(jdbc, json, versions, TestSite.declaration(site, 1, 1, List.of("https://www.example.test")));
	}

	HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			b.headers(headers);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static String gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static String header(HttpResponse<?> r, String name) {
		return r.headers().firstValue(name).orElse(null);
	}

	@Test
	void servesTheScriptPrecompressedWithAStrongEtagAndRevalidation() throws Exception {
		HttpResponse<byte[]> gz = get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip, deflate, br");
		assertThat(gz.statusCode()).isEqualTo(200);
		assertThat(header(gz, "Content-Type")).startsWith("text/javascript");
		assertThat(header(gz, "Content-Encoding")).isEqualTo("gzip");
		assertThat(header(gz, "Cache-Control")).isEqualTo("no-cache");
		assertThat(header(gz, "Vary")).contains("Accept-Encoding");
		String etag = header(gz, "ETag");
		assertThat(etag).startsWith("\"").doesNotStartWith("W/");
		String script = gunzip(gz.body());
		// The site key and version are in the script, so what it loads next is versioned.
		assertThat(script).contains("\"site\":\"" + site + "\"", "\"version\":1", "\"materialVersion\":1",
				"__CHARTER_BOOT__");
		// So are the label of the settings control (a returning visitor needs nothing else) and the first
		// layer's texts (a first visit sees the banner without waiting for the config).
		JsonNode boot = json.readTree(script.substring(script.lastIndexOf("})(") + 3, script.lastIndexOf(");")));
		assertThat(boot.get("texts").get("nl").get("settings").asString()).isEqualTo("Cookie-instellingen");
		assertThat(boot.get("texts").get("nl").get("acceptAll").asString()).isEqualTo("Alles aanvaarden");
		// Minified: the readable source's comments and long names are gone.
		assertThat(script).doesNotContain("Charter's consent banner: the one script", "deepActive", "placeholders");
		assertThat(gz.headers().allValues("Set-Cookie")).isEmpty();

		HttpResponse<byte[]> again = get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip", "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(header(again, "ETag")).isEqualTo(etag);

		HttpResponse<byte[]> plain = get("/c/" + site + "/banner.js");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(header(plain, "Content-Encoding")).isNull();
		assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(script);
		assertThat(header(plain, "ETag")).isNotEqualTo(etag).doesNotStartWith("W/");
		assertThat(get("/c/" + site + "/banner.js", "If-None-Match", header(plain, "ETag")).statusCode()).isEqualTo(304);
	}

	@Test
	void aPublicationChangesTheScriptAtOnce() throws Exception {
		String before = header(get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip"), "ETag");
		TestSite.publish(jdbc, json, versions, TestSite.declaration(site, 2, 2, List.of("https://www.example.test")));
		HttpResponse<byte[]> after = get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip", "If-None-Match", before);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(gunzip(after.body())).contains("\"version\":2", "\"materialVersion\":2");
	}

	@Test
	void aPublicationOnAnotherInstanceReachesThisOneWithinTheRefreshTime() throws Exception {
		assertThat(gunzip(get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip").body())).contains("\"version\":1");
		TestSite.publish(jdbc, json, null, TestSite.declaration(site, 2, 2, List.of("https://www.example.test")));
		// declaration-refresh (5 s): re-read in the background at the first use after it.
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
				gunzip(get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip").body())).contains("\"version\":2"));
		// The current config, held per site and language, follows the same re-read.
		assertThat(json.readTree(gunzip(get("/c/" + site + "/config.json?lang=fr", "Accept-Encoding", "gzip").body()))
				.get("version").asInt()).isEqualTo(2);
	}

	@Test
	void aPublicationChangesTheCurrentConfigAndItsEtagAtOnce() throws Exception {
		HttpResponse<byte[]> before = get("/c/" + site + "/config.json?lang=fr", "Accept-Encoding", "gzip");
		assertThat(get("/c/" + site + "/config.json?lang=fr", "Accept-Encoding", "gzip", "If-None-Match",
				header(before, "ETag")).statusCode()).isEqualTo(304);
		TestSite.publish(jdbc, json, versions, TestSite.declaration(site, 2, 2, List.of("https://www.example.test")));
		HttpResponse<byte[]> after = get("/c/" + site + "/config.json?lang=fr", "Accept-Encoding", "gzip",
				"If-None-Match", header(before, "ETag"));
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(header(after, "ETag")).isNotEqualTo(header(before, "ETag"));
		assertThat(json.readTree(gunzip(after.body())).get("version").asInt()).isEqualTo(2);
		assertThat(get("/c/" + site + "/config.json?lang=fr", "Accept-Encoding", "gzip", "If-None-Match",
				header(after, "ETag")).statusCode()).isEqualTo(304);
		// A language asked for before the publication is not served from the old version either.
		assertThat(json.readTree(get("/c/" + site + "/config.json?lang=nl").body()).get("version").asInt()).isEqualTo(2);
	}

	/** The banner's resources are answered by the first valve of Tomcat's engine, ahead of its pipeline. */
	@Test
	void theEdgeIsTheFirstValveOfTheContainer() {
		Tomcat tomcat = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat();
		assertThat(tomcat.getEngine().getPipeline().getFirst()).isInstanceOf(BannerValve.class);
	}

	/**
	 * A website's visitors (or the proxy in front) keep their connection for many banner requests:
	 * Tomcat's default closed it after 100, so they reconnected.
	 */
	@Test
	void keepsAConnectionAliveForManyRequests() throws Exception {
		String request = "GET /c/" + site + "/config.json?lang=fr HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int i = 1; i <= 150; i++) {
				out.write(request.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				String status = line(in);
				assertThat(status).as("answer %d", i).startsWith("HTTP/1.1 200");
				int length = -1;
				for (String h = line(in); !h.isEmpty(); h = line(in)) {
					assertThat(h.toLowerCase()).as("answer %d", i).isNotEqualTo("connection: close");
					if (h.toLowerCase().startsWith("content-length:")) {
						length = Integer.parseInt(h.substring("content-length:".length()).trim());
					}
				}
				assertThat(in.readNBytes(length)).hasSize(length);
			}
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("connection closed after: " + line);
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Test
	void servesTheCurrentConfigWithShortCachingAndEtag() throws Exception {
		HttpResponse<byte[]> r = get("/c/" + site + "/config.json?lang=nl", "Accept-Encoding", "gzip");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(header(r, "Content-Type")).startsWith("application/json");
		assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=60");
		assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo("*");
		JsonNode config = json.readTree(gunzip(r.body()));
		assertThat(config.get("language").asString()).isEqualTo("nl");
		assertThat(config.get("version").asInt()).isEqualTo(1);
		// What banner.js carries already is not sent again.
		assertThat(config.has("materialVersion")).isFalse();
		assertThat(config.has("consentLifetimeDays")).isFalse();
		assertThat(config.get("texts").get("title").asString()).isEqualTo("Cookies op deze site");
		// Keys the declaration does not set come from the defaults.
		assertThat(config.get("texts").get("acceptAll").asString()).isEqualTo("Alles aanvaarden");
		assertThat(config.get("texts").get("settingsDescription").asString()).startsWith("Kies welke categorieën");
		JsonNode analytics = config.get("categories").get(1);
		assertThat(analytics.get("key").asString()).isEqualTo("analytics");
		assertThat(analytics.get("name").asString()).isEqualTo("Analytische cookies");
		assertThat(analytics.get("refuseOnGpc").asBoolean()).isFalse();
		JsonNode ga = analytics.get("services").get(0);
		assertThat(ga.get("name").asString()).isEqualTo("Google Analytics");
		assertThat(ga.get("cookies").get(1).get("name").asString()).isEqualTo("_ga_*");
		assertThat(ga.get("cookies").get(0).get("retention").asString()).isEqualTo("2 jaar");

		HttpResponse<byte[]> again = get("/c/" + site + "/config.json?lang=nl", "Accept-Encoding", "gzip",
				"If-None-Match", header(r, "ETag"));
		assertThat(again.statusCode()).isEqualTo(304);

		// A language the site does not speak: its default one.
		JsonNode other = json.readTree(get("/c/" + site + "/config.json?lang=de").body());
		assertThat(other.get("language").asString()).isEqualTo("fr");
	}

	@Test
	void versionedConfigsAreImmutable() throws Exception {
		HttpResponse<byte[]> r = get("/c/" + site + "/v/1/config.en.json?b=anything");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
		assertThat(json.readTree(r.body()).get("texts").get("title").asString()).isEqualTo("Cookies on this site");
		assertThat(get("/c/" + site + "/v/1/config.en.json", "If-None-Match", header(r, "ETag")).statusCode())
				.isEqualTo(304);

		HttpResponse<byte[]> noVersion = get("/c/" + site + "/v/7/config.en.json");
		assertThat(noVersion.statusCode()).isEqualTo(404);
		assertThat(header(noVersion, "Content-Type")).startsWith("application/problem+json");
		assertThat(get("/c/" + site + "/v/1/config.de.json").statusCode()).isEqualTo(404);
		assertThat(get("/c/" + site + "/v/x1/config.en.json").statusCode()).isEqualTo(404);
	}

	/** The edge answers these before the servlet stack: the same headers a page would get, and HEAD. */
	@Test
	void answersHeadAndCarriesTheSecurityHeaders() throws Exception {
		HttpResponse<byte[]> get = get("/c/" + site + "/config.json?lang=fr", "Accept-Encoding", "gzip");
		assertThat(header(get, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(header(get, "Content-Security-Policy")).contains("default-src 'none'");
		assertThat(header(get, "Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
		HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/c/" + site
				+ "/config.json?lang=fr")).method("HEAD", HttpRequest.BodyPublishers.noBody())
				.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
		assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(get.body().length));
		// The path as Spring MVC would match it: decoded.
		HttpResponse<byte[]> encoded = get("/c/" + site.replaceFirst("-", "%2D") + "/config.json?lang=fr",
				"Accept-Encoding", "gzip");
		assertThat(encoded.statusCode()).isEqualTo(200);
		assertThat(header(encoded, "ETag")).isEqualTo(header(get, "ETag"));
		// Other methods are not the edge's: Spring MVC refuses them as a problem.
		HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/c/" + site
				+ "/config.json")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(post.statusCode()).isIn(403, 405);
	}

	@Test
	void unknownSitesAreNotFound() throws Exception {
		HttpResponse<byte[]> script = get("/c/no-such-site/banner.js");
		assertThat(script.statusCode()).isEqualTo(404);
		assertThat(header(script, "Content-Type")).startsWith("text/javascript");
		assertThat(new String(script.body(), StandardCharsets.UTF_8)).startsWith("/*").endsWith("*/\n");

		HttpResponse<byte[]> config = get("/c/no-such-site/config.json?lang=fr");
		assertThat(config.statusCode()).isEqualTo(404);
		assertThat(header(config, "Content-Type")).startsWith("application/problem+json");
		assertThat(json.readTree(config.body()).get("status").asInt()).isEqualTo(404);
	}

	@Test
	void servesTheFallbackStylesheetCachedByBuild() throws Exception {
		String script = gunzip(get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip").body());
		String build = json.readTree(script.substring(script.lastIndexOf("})(") + 3, script.lastIndexOf(");")))
				.get("build").asString();
		HttpResponse<byte[]> css = get("/c/" + site + "/banner.css?h=" + build);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(header(css, "Content-Type")).startsWith("text/css");
		assertThat(header(css, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
		assertThat(new String(css.body(), StandardCharsets.UTF_8)).contains(":host{all:initial!important")
				.doesNotContain("/*", "\n");
		assertThat(header(get("/c/" + site + "/banner.css?h=old"), "Cache-Control")).isEqualTo("no-cache");
	}

	/**
	 * The second layer's code and rules come after the first layer is drawn: settings.js and the whole
	 * stylesheet, named by build so they are cached for good, and not in banner.js.
	 */
	@Test
	void servesTheSettingsCodeAndTheWholeStylesheetApartCachedByBuild() throws Exception {
		String script = gunzip(get("/c/" + site + "/banner.js", "Accept-Encoding", "gzip").body());
		JsonNode boot = json.readTree(script.substring(script.lastIndexOf("})(") + 3, script.lastIndexOf(");")));
		String build = boot.get("build").asString();
		HttpResponse<byte[]> settings = get("/c/" + site + "/settings.js?b=" + build, "Accept-Encoding", "gzip");
		assertThat(settings.statusCode()).isEqualTo(200);
		assertThat(header(settings, "Content-Type")).startsWith("text/javascript");
		assertThat(header(settings, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
		assertThat(header(settings, "Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(gunzip(settings.body())).contains("__charterSettings", "aria-modal", "charter-placeholder");
		assertThat(script).doesNotContain("charter-placeholder", "settingsDescription");
		assertThat(header(get("/c/" + site + "/settings.js?b=old"), "Cache-Control")).isEqualTo("no-cache");
		// banner.js carries the first layer's rules only; the whole stylesheet has the second layer's too.
		String css = new String(get("/c/" + site + "/banner.css?h=" + build).body(), StandardCharsets.UTF_8);
		assertThat(boot.get("css").asString()).contains(".cb{").doesNotContain(".cs{", ".ph{");
		assertThat(css).startsWith(boot.get("css").asString()).contains(".cs{", ".ph{", "input:checked");
	}

	/**
	 * Bytes over the wire to show the banner in one language, for a catalogue the size of the seed's
	 * (three categories, six services, 16 cookies, texts in three languages): at most 6,000 in each.
	 * The first layer is drawn from {@code banner.js} alone (code, styles, boot data with every
	 * language's first-layer texts); the config follows once it is drawn, for the second layer.
	 */
	@Test
	void showingTheBannerCostsAtMostSixThousandBytesInEachLanguage() throws Exception {
		for (String language : List.of("fr", "nl", "en")) {
			assertThat(bytesToShow(site, language)).as(language).isLessThanOrEqualTo(BUDGET);
		}
	}

	/** The seeded WeGroup site, as published at start: its own texts, within the budget in each language. */
	@Test
	void theSeededSiteShowsItsOwnTextsWithinTheBudget() throws Exception {
		String text = gunzip(get("/c/wegroup-be/banner.js", "Accept-Encoding", "gzip").body());
		JsonNode boot = json.readTree(text.substring(text.lastIndexOf("})(") + 3, text.lastIndexOf(");")));
		assertThat(boot.get("texts").get("fr").get("settings").asString()).isEqualTo("Paramètres des cookies");
		// The first layer names the controller from the organisation profile, in the visitor's language.
		assertThat(boot.get("texts").get("fr").get("controller").asString())
				.startsWith("Responsable du traitement : WeGroup SA. Partenaires : ");
		assertThat(boot.get("texts").get("nl").get("title").asString()).isEqualTo("Uw keuze over cookies");
		assertThat(boot.get("texts").get("nl").get("declarationLink").asString()).isEqualTo("Cookieverklaring");
		for (String language : List.of("fr", "nl", "en")) {
			HttpResponse<byte[]> config = get("/c/wegroup-be/v/" + boot.get("version").asInt() + "/config." + language
					+ ".json", "Accept-Encoding", "gzip");
			assertThat(config.statusCode()).isEqualTo(200);
			// The second layer asks for live chat on its own, with Tawk.to in it.
			JsonNode chat = null;
			for (JsonNode c : json.readTree(gunzip(config.body())).get("categories")) {
				chat = "chat".equals(c.get("key").asString()) ? c : chat;
			}
			assertThat(chat).isNotNull();
			assertThat(chat.get("services").get(0).get("name").asString()).isEqualTo("Tawk.to");
			int show = bytesToShow("wegroup-be", language);
			System.out.printf("wegroup-be banner bytes (gzip), %s: to show %d, with the settings' config %d%n",
					language, show, show + config.body().length);
			assertThat(show).as(language).isLessThanOrEqualTo(BUDGET);
		}
	}

	/** Bytes to show the first layer: the gzip script as served, after checking it holds all that layer shows. */
	private int bytesToShow(String siteKey, String language) throws Exception {
		HttpResponse<byte[]> script = get("/c/" + siteKey + "/banner.js", "Accept-Encoding", "gzip");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(header(script, "Content-Encoding")).isEqualTo("gzip");
		String text = gunzip(script.body());
		JsonNode texts = json.readTree(text.substring(text.lastIndexOf("})(") + 3, text.lastIndexOf(");")))
				.get("texts").get(language);
		for (String key : List.of("title", "body", "declarationLink", "acceptAll", "refuseAll", "customise",
				"gpcNotice", "settings")) {
			assertThat(texts.get(key).asString()).as(language + "." + key).isNotBlank();
		}
		return script.body().length;
	}

	private static final int BUDGET = 6_000;

	/**
	 * A site and its published declaration, written straight into the tables the catalogue owns,
	 * the way a publication leaves them. Keys are unique so tests can share one database.
	 */
	static final class TestSite {

		private TestSite() {
		}

		static String uniqueKey(String prefix) {
			return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		}

		/** As this instance publishes: {@code versions} hears of it at once; null: as another instance does. */
		static void publish(JdbcClient jdbc, JsonMapper json, DeclarationVersions versions, Declaration d) {
			UUID siteId = jdbc.sql("select id from consent_site where site_key = :key").param("key", d.siteKey())
					.query(UUID.class).optional().orElseGet(() -> {
						UUID id = UUID.randomUUID();
						jdbc.sql("""
								insert into consent_site (id, site_key, name, origins, languages, default_language,
								  consent_lifetime_days, refusal_lifetime_days, wait_for_update_ms, created_at)
								values (:id, :key, :name, :origins, :languages, :lang, :consent, :refusal, :wait, :now)""")
								.param("id", id).param("key", d.siteKey()).param("name", d.site().name())
								.param("origins", String.join("\n", d.site().origins()))
								.param("languages", String.join(",", d.site().languages()))
								.param("lang", d.site().defaultLanguage())
								.param("consent", d.site().consentLifetimeDays())
								.param("refusal", d.site().refusalLifetimeDays())
								.param("wait", d.site().waitForUpdateMs())
								.param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
						return id;
					});
			String snapshot = json.writeValueAsString(d);
			jdbc.sql("""
					insert into declaration_version (id, site_id, version, published_at, published_by, material,
					  material_version, summary_fr, summary_nl, summary_en, snapshot, snapshot_hash)
					values (:id, :site, :version, :at, 'test', :material, :materialVersion, :fr, :nl, :en, :snapshot, :hash)""")
					.param("id", UUID.randomUUID()).param("site", siteId).param("version", d.version())
					.param("at", OffsetDateTime.ofInstant(d.publishedAt(), ZoneOffset.UTC)).param("material", d.material())
					.param("materialVersion", d.materialVersion())
					.param("fr", d.summary().get("fr")).param("nl", d.summary().get("nl")).param("en", d.summary().get("en"))
					.param("snapshot", snapshot).param("hash", BannerAssets.hash(snapshot)).update();
			if (versions != null) {
				versions.forgetCurrent(d.siteKey());
			}
		}

		static Map<String, String> t(String fr, String nl, String en) {
			return Map.of("fr", fr, "nl", nl, "en", en);
		}

		static Declaration.Cookie cookie(String name, boolean thirdParty, Integer days, Map<String, String> retention,
				Map<String, String> purpose) {
			return new Declaration.Cookie(name, name.endsWith("*"), null, thirdParty, days, retention, purpose, false,
					null);
		}

		/**
		 * Shaped like the seed's catalogue: necessary, analytics (not refused under GPC) and tracking
		 * (refused under GPC). The test page's own analytics script sets {@code _ga}, {@code _ga_TEST}
		 * and {@code _lr_test}, all declared here.
		 */
		static Declaration declaration(String key, int version, int materialVersion, List<String> origins) {
			Map<String, String> year = t("1 an", "1 jaar", "1 year");
			var site = new Declaration.Site("Test site " + key, origins, List.of("fr", "nl", "en"), "fr", 182, 90, 500,
					List.of());
			var categories = List.of(
					new Declaration.Category("necessary", true, false, List.of("security_storage", "functionality_storage"),
							t("Cookies strictement nécessaires", "Strikt noodzakelijke cookies", "Strictly necessary cookies"),
							t("Indispensables au fonctionnement du site : langue, choix en matière de cookies.",
									"Onmisbaar om de site te laten werken: taal, cookiekeuzes.",
									"Needed for the site to work: language, cookie choices.")),
					new Declaration.Category("analytics", false, false, List.of("analytics_storage"),
							t("Cookies analytiques", "Analytische cookies", "Analytics cookies"),
							t("Nous aident à comprendre comment le site est utilisé, pour l'améliorer.",
									"Helpen ons begrijpen hoe de site gebruikt wordt, om hem te verbeteren.",
									"Help us understand how the site is used, to improve it.")),
					new Declaration.Category("tracking", false, true,
							List.of("ad_storage", "ad_user_data", "ad_personalization"),
							t("Cookies de tracking", "Trackingcookies", "Tracking cookies"),
							t("Enregistrent votre visite pour une publicité plus ciblée et le chat en direct.",
									"Registreren uw bezoek voor gerichtere reclame en de livechat.",
									"Record your visit for more targeted advertising and the live chat.")));
			var services = List.of(
					new Declaration.Service("site", "Site web", "WeGroup SA", "necessary", false, null,
							t("Le site lui-même.", "De site zelf.", "The site itself."), List.of(
									cookie("lang", false, 365, year, t("Conserve votre choix de langue.",
											"Bewaart uw taalkeuze.", "Keeps your choice of language.")),
									cookie("charter_consent", false, 182, t("6 mois", "6 maanden", "6 months"),
											t("Conserve vos choix en matière de cookies.", "Bewaart uw cookiekeuzes.",
													"Keeps your cookie choices.")))),
					new Declaration.Service("google-analytics", "Google Analytics", "Google", "analytics", false,
							"https://policies.google.com/privacy",
							t("Mesure combien, quand et quelles pages sont visitées.",
									"Meet hoeveel, wanneer en welke pagina's bezocht worden.",
									"Measures how many, when and which pages are visited."), List.of(
									cookie("_ga", false, 730, t("2 ans", "2 jaar", "2 years"),
											t("Distingue les visiteurs.", "Onderscheidt bezoekers.", "Tells visitors apart.")),
									cookie("_ga_*", false, 730, t("2 ans", "2 jaar", "2 years"),
											t("Conserve l'état de la session.", "Bewaart de sessiestatus.",
													"Keeps the session state.")),
									cookie("_gid", false, 1, t("1 jour", "1 dag", "1 day"),
											t("Distingue les visiteurs.", "Onderscheidt bezoekers.", "Tells visitors apart.")),
									cookie("_gat_gtag_UA_123265168_1", false, 1, t("1 minute", "1 minuut", "1 minute"),
											t("Limite le nombre de requêtes.", "Beperkt het aantal verzoeken.",
													"Limits the request rate.")))),
					new Declaration.Service("logrocket", "LogRocket", "LogRocket", "analytics", false, null,
							t("Montre comment le site est utilisé pour améliorer l'expérience.",
									"Toont hoe de site gebruikt wordt om de ervaring te verbeteren.",
									"Shows how the site is used to improve the experience."), List.of(
									cookie("_lr_*", false, 30, t("30 jours", "30 dagen", "30 days"),
											t("Identifie la session enregistrée.", "Identificeert de opgenomen sessie.",
													"Identifies the recorded session.")))),
					new Declaration.Service("tawk", "Tawk.to", "tawk.to", "tracking", false, null,
							t("Chat en direct avec l'équipe de support.", "Livechat met het supportteam.",
									"Live chat with the support team."), List.of(
									cookie("_tawkuuid", false, 180, t("180 jours", "180 dagen", "180 days"),
											t("Reconnaît le visiteur du chat.", "Herkent de chatbezoeker.",
													"Recognises the chat visitor.")),
									cookie("TawkConnectionTime", false, null, t("Session", "Sessie", "Session"),
											t("Maintient la connexion au chat.", "Houdt de chatverbinding open.",
													"Keeps the chat connected.")),
									cookie("tawkUUID", true, 180, t("180 jours", "180 dagen", "180 days"),
											t("Reconnaît le visiteur du chat.", "Herkent de chatbezoeker.",
													"Recognises the chat visitor.")))),
					new Declaration.Service("doubleclick", "DoubleClick", "Google", "tracking", true,
							"https://policies.google.com/privacy",
							t("Publicité ciblée.", "Gerichte reclame.", "Targeted advertising."), List.of(
									cookie("IDE", true, 390, t("13 mois", "13 maanden", "13 months"),
											t("Mesure l'efficacité des publicités.", "Meet de doeltreffendheid van advertenties.",
													"Measures how well ads work.")),
									cookie("test_cookie", true, null, t("15 minutes", "15 minuten", "15 minutes"),
											t("Vérifie que les cookies sont acceptés.", "Controleert of cookies aanvaard worden.",
													"Checks that cookies are accepted.")))),
					new Declaration.Service("medium", "Medium", "A Medium Corporation", "tracking", true, null,
							t("Partage d'articles de blog.", "Delen van blogartikels.", "Sharing blog articles."), List.of(
									cookie("optimizelyEndUserId", true, 365, year, t("Mesure d'audience de Medium.",
											"Publieksmeting van Medium.", "Medium's audience measurement.")),
									cookie("sid", true, 365, year, t("Session Medium.", "Medium-sessie.", "Medium session.")),
									cookie("uid", true, 365, year, t("Identifiant Medium.", "Medium-identificatie.",
											"Medium identifier.")),
									cookie("_cfruid", true, null, t("Session", "Sessie", "Session"),
											t("Protection contre les robots (Cloudflare).", "Bescherming tegen bots (Cloudflare).",
													"Bot protection (Cloudflare)."))))
			);
			Map<String, Map<String, String>> bannerTexts = Map.of(
					"fr", Map.of("title", "Cookies sur ce site"),
					"nl", Map.of("title", "Cookies op deze site"),
					"en", Map.of("title", "Cookies on this site"));
			return new Declaration(key, version, Instant.now(), version == materialVersion, materialVersion, site,
					categories, services, bannerTexts, t("Version " + version, "Versie " + version, "Version " + version));
		}
	}
}
