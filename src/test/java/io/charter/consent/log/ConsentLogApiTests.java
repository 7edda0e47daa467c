package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public consent log over real HTTP on Tomcat, as a website's banner calls it: CORS, the
 * asynchronous answer after commit, every refusal storing nothing, the receipt.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentLogApiTests {

	static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;

	ConsentLogSites sites;
	String site;
	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void site() {
		sites = new ConsentLogSites(jdbc, json);
		site = sites.site();
	}

	HttpResponse<String> post(String siteKey, String body, String contentType, String origin) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/c/" + siteKey + "/consents"))
				.header("Content-Type", contentType).header("User-Agent", FIREFOX)
				.POST(HttpRequest.BodyPublishers.ofString(body));
		if (origin != null) {
			b.header("Origin", origin);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String body) throws Exception {
		return post(site, body, "text/plain;charset=UTF-8", ConsentLogSites.ORIGIN);
	}

	HttpResponse<String> send(String method, String path, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			b.headers(headers);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The collection is only written: other methods are told so (405 with Allow), not "not found". */
	@Test
	void otherMethodsOnTheCollectionAreNotAllowed() throws Exception {
		for (String method : List.of("GET", "PUT", "DELETE")) {
			HttpResponse<String> r = send(method, "/c/" + site + "/consents", "Origin", ConsentLogSites.ORIGIN);
			assertThat(r.statusCode()).as(method).isEqualTo(405);
			assertThat(r.headers().firstValue("Allow")).as(method).hasValue("POST, OPTIONS");
			assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		}
	}

	/** The public pages send the same header values as every other page (docs/security.md). */
	@Test
	void publicPagesSendCharterSecurityHeaders() throws Exception {
		HttpResponse<String> page = send("GET", "/c/wegroup-be/declaration", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(io.charter.shared.SecurityHeaders.PAGE_POLICY);
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue(io.charter.shared.SecurityHeaders.REFERRER_POLICY);
	}

	@Test
	void recordsAConsentAndAnswersWithItsReceiptAfterCommit() throws Exception {
		String visitor = ConsentLogSites.visitor();
		HttpResponse<String> r = post(ConsentLogSites.body(visitor));

		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		JsonNode receipt = json.readTree(r.body());
		assertThat(receipt.propertyNames()).containsExactlyInAnyOrder("consentId", "recordedAt", "chosenAt", "version", "siteKey");
		assertThat(receipt.get("version").intValue()).isEqualTo(1);
		assertThat(receipt.get("siteKey").stringValue()).isEqualTo(site);
		String id = receipt.get("consentId").stringValue();
		assertThat(r.headers().firstValue("Location")).hasValue("/c/" + site + "/consents/" + id);
		assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ConsentLogSites.ORIGIN);
		assertThat(r.headers().allValues("Vary")).anySatisfy(v -> assertThat(v.toLowerCase()).contains("origin"));
		assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		// Answered ahead of the servlet stack, with the headers the stack would have set, and no session.
		assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(r.headers().allValues("Set-Cookie")).isEmpty();

		// Committed before the answer: the row is there at once, with the receipt's time.
		Map<String, Object> row = jdbc.sql("select * from consent_record where id = :id").param("id", UUID.fromString(id))
				.query().singleRow();
		assertThat(row.get("visitor_id")).isEqualTo(visitor);
		assertThat(row.get("version")).isEqualTo(1);
		assertThat(row.get("method")).isEqualTo("CUSTOM");
		assertThat(row.get("choices")).isEqualTo("analytics=1,tracking=0");
		assertThat(row.get("language")).isEqualTo("fr");
		assertThat(row.get("page_url")).isEqualTo("https://www.wegroup.test/fr/contact");
		assertThat(row.get("browser")).isEqualTo("Firefox 132");
		assertThat((String) row.get("source_hash")).matches("[0-9a-f]{64}");
		String whole = row.values().toString();
		assertThat(whole).doesNotContain("127.0.0", "0:0:0:0:0:0:0:1", "::1", "Mozilla", "Gecko", "utm_source", "a@b.test",
				"#form");
		assertThat(java.time.Instant.parse(receipt.get("recordedAt").stringValue())).isEqualTo(
				((java.time.OffsetDateTime) jdbc.sql("select recorded_at from consent_record where id = :id")
						.param("id", UUID.fromString(id)).query(java.time.OffsetDateTime.class).single()).toInstant());
	}

	@Test
	void theSameNetworkHashesAlikeAndTheHashIsKeyed() throws Exception {
		HttpResponse<String> first = post(ConsentLogSites.body(ConsentLogSites.visitor()));
		HttpResponse<String> second = post(ConsentLogSites.body(ConsentLogSites.visitor()));
		List<String> hashes = jdbc.sql("select distinct source_hash from consent_record where id in (:a, :b)")
				.param("a", UUID.fromString(json.readTree(first.body()).get("consentId").stringValue()))
				.param("b", UUID.fromString(json.readTree(second.body()).get("consentId").stringValue()))
				.query(String.class).list();
		assertThat(hashes).hasSize(1);
		// Not a plain hash of the address or its network: it needs the key in consent_secret.
		for (String plain : List.of("127.0.0.1", "127.0.0.0/24", "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:0/48")) {
			assertThat(hashes.get(0)).isNotEqualTo(sha256(plain));
		}
		assertThat(jdbc.sql("select count(*) from consent_secret").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void acceptsApplicationJsonAfterAPreflight() throws Exception {
		HttpResponse<String> preflight = send("OPTIONS", "/c/" + site + "/consents", "Origin", ConsentLogSites.OTHER_ORIGIN,
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ConsentLogSites.OTHER_ORIGIN);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
				h -> assertThat(h.toLowerCase()).contains("content-type"));
		assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();
		assertThat(preflight.headers().allValues("Vary")).anySatisfy(v -> assertThat(v.toLowerCase()).contains("origin"));

		HttpResponse<String> r = post(site, ConsentLogSites.body(ConsentLogSites.visitor()), "application/json",
				ConsentLogSites.OTHER_ORIGIN);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ConsentLogSites.OTHER_ORIGIN);
		assertThat(sites.records(site)).isEqualTo(1);
	}

	@Test
	void preflightsOfOtherOriginsMethodsOrHeadersGetNoCorsHeaders() throws Exception {
		String path = "/c/" + site + "/consents";
		for (String[] headers : List.of(
				new String[] { "Origin", "https://evil.test", "Access-Control-Request-Method", "POST" },
				new String[] { "Origin", "https://www.wegroup.test.evil.test", "Access-Control-Request-Method", "POST" },
				new String[] { "Origin", "http://www.wegroup.test", "Access-Control-Request-Method", "POST" },
				new String[] { "Origin", ConsentLogSites.ORIGIN, "Access-Control-Request-Method", "DELETE" },
				new String[] { "Origin", ConsentLogSites.ORIGIN, "Access-Control-Request-Method", "POST",
						"Access-Control-Request-Headers", "content-type, authorization" })) {
			HttpResponse<String> r = send("OPTIONS", path, headers);
			assertThat(r.statusCode()).as(String.join(" ", headers)).isEqualTo(403);
			assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(String.join(" ", headers)).isEmpty();
			assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		}
		assertThat(send("OPTIONS", "/c/no-such-site-" + UUID.randomUUID() + "/consents", "Origin", ConsentLogSites.ORIGIN,
				"Access-Control-Request-Method", "POST").statusCode()).isEqualTo(404);
	}

	static Stream<Arguments> refusals() {
		String v = ConsentLogSites.visitor();
		String ok = ConsentLogSites.body(v);
		return Stream.of(
				Arguments.of("unknown version", ok.replace("\"version\":1", "\"version\":7"), 400, "version"),
				Arguments.of("version as text", ok.replace("\"version\":1", "\"version\":\"1\""), 400, "version"),
				Arguments.of("unknown category", ok.replace("\"tracking\":false", "\"tracking\":false,\"ads\":false"), 400, "choices.ads"),
				Arguments.of("missing category", ok.replace(",\"tracking\":false", ""), 400, "choices.tracking"),
				Arguments.of("necessary refused", ok.replace("{\"analytics\"", "{\"necessary\":false,\"analytics\""), 400, "choices.necessary"),
				Arguments.of("choice not boolean", ok.replace("\"analytics\":true", "\"analytics\":\"yes\""), 400, "choices.analytics"),
				Arguments.of("accept all with a refusal", ok.replace("CUSTOM", "ACCEPT_ALL"), 400, "method"),
				Arguments.of("refuse all with a grant", ok.replace("CUSTOM", "REFUSE_ALL"), 400, "method"),
				Arguments.of("GPC granting tracking", ok.replace("CUSTOM", "GPC").replace("\"tracking\":false", "\"tracking\":true"), 400, "method"),
				Arguments.of("withdraw granting all", ok.replace("CUSTOM", "WITHDRAW").replace("\"tracking\":false", "\"tracking\":true"), 400, "method"),
				Arguments.of("unknown method", ok.replace("CUSTOM", "MAYBE"), 400, "method"),
				Arguments.of("short visitor id", ok.replace(v, "abc"), 400, "visitorId"),
				Arguments.of("visitor id with odd characters", ok.replace(v, "visitor id with spaces!"), 400, "visitorId"),
				Arguments.of("language of no site", ok.replace("\"fr\"", "\"de\""), 400, "language"),
				Arguments.of("page of another origin", ok.replace("https://www.wegroup.test/fr", "https://evil.test/fr"), 400, "pageUrl"),
				Arguments.of("page that is no http URL", ok.replace("https://www.wegroup.test/fr", "javascript:alert(1)//"), 400, "pageUrl"),
				Arguments.of("unknown field", ok.replace("{\"visitorId\"", "{\"ip\":\"1.2.3.4\",\"visitorId\""), 400, "ip"),
				Arguments.of("duplicate field", ok.replace("{\"visitorId\"", "{\"method\":\"ACCEPT_ALL\",\"visitorId\""), 400, "body"),
				Arguments.of("malformed JSON", ok.substring(0, ok.length() - 3), 400, "body"),
				Arguments.of("trailing garbage", ok + "{}", 400, "body"),
				Arguments.of("not an object", "[1,2]", 400, "body"),
				Arguments.of("oversized body", ok.replace("\"language\"", "\"pad\":\"" + "x".repeat(5000) + "\",\"language\""), 413, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void refusesInvalidBodiesAndStoresNothing(String name, String body, int status, String field) throws Exception {
		HttpResponse<String> r = post(body);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(r.body());
		assertThat(problem.get("status").intValue()).isEqualTo(status);
		assertThat(problem.get("detail").stringValue()).isNotBlank();
		if (field != null) {
			assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo(field);
		}
		// The banner on an allowed origin can read why.
		assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ConsentLogSites.ORIGIN);
		assertThat(sites.records(site)).isZero();
	}

	@Test
	void refusesWrongOriginsUnknownSitesAndOtherContentTypesAndStoresNothing() throws Exception {
		String body = ConsentLogSites.body(ConsentLogSites.visitor());
		for (String origin : new String[] { "https://evil.test", "null", "https://www.wegroup.test:8443", null }) {
			HttpResponse<String> r = post(site, body, "text/plain", origin);
			assertThat(r.statusCode()).as("origin " + origin).isEqualTo(403);
			assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
			assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			assertThat(r.headers().allValues("Vary")).anySatisfy(v -> assertThat(v.toLowerCase()).contains("origin"));
		}
		HttpResponse<String> unknown = post("no-such-site-" + UUID.randomUUID(), body, "text/plain", ConsentLogSites.ORIGIN);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		HttpResponse<String> form = post(site, body, "application/x-www-form-urlencoded", ConsentLogSites.ORIGIN);
		assertThat(form.statusCode()).isEqualTo(415);
		assertThat(sites.records(site)).isZero();
	}

	@Test
	void acceptsEachMethodWithChoicesThatAgree() throws Exception {
		String v = ConsentLogSites.visitor();
		String base = ConsentLogSites.body(v);
		List<String> bodies = List.of(
				base.replace("CUSTOM", "ACCEPT_ALL").replace("\"tracking\":false", "\"tracking\":true"),
				base.replace("CUSTOM", "REFUSE_ALL").replace("\"analytics\":true", "\"analytics\":false"),
				base.replace("CUSTOM", "GPC"),
				base.replace("CUSTOM", "WITHDRAW"),
				base.replace("{\"analytics\"", "{\"necessary\":true,\"analytics\"").replace(",\"pageUrl\":\"https://www.wegroup.test/fr/contact?utm_source=mail&email=a@b.test#form\"", ""));
		for (String body : bodies) {
			assertThat(post(body).statusCode()).as(body).isEqualTo(201);
		}
		assertThat(jdbc.sql("""
				select method || ' ' || choices || ' ' || coalesce(page_url, '-') from consent_record r
				join consent_site s on s.id = r.site_id where s.site_key = :site order by r.method""").param("site", site)
				.query(String.class).list()).containsExactlyInAnyOrder(
						"ACCEPT_ALL analytics=1,tracking=1 https://www.wegroup.test/fr/contact",
						"REFUSE_ALL analytics=0,tracking=0 https://www.wegroup.test/fr/contact",
						"GPC analytics=1,tracking=0 https://www.wegroup.test/fr/contact",
						"WITHDRAW analytics=1,tracking=0 https://www.wegroup.test/fr/contact",
						"CUSTOM analytics=1,tracking=0 -");
	}

	@Test
	void acceptsAnOlderPublishedVersionWithItsOwnCategories() throws Exception {
		sites.publish(site, 2, List.of(ConsentLogSites.category("necessary", true, false),
				ConsentLogSites.category("analytics", false, false), ConsentLogSites.category("chat", false, false),
				ConsentLogSites.category("tracking", false, true)));
		String v1 = ConsentLogSites.body(ConsentLogSites.visitor());
		assertThat(post(v1).statusCode()).isEqualTo(201);
		String v2 = v1.replace("\"version\":1", "\"version\":2").replace("\"tracking\":false", "\"tracking\":false,\"chat\":true");
		assertThat(post(v2).statusCode()).isEqualTo(201);
		// Version 2's category is unknown to version 1.
		String wrong = v1.replace("\"tracking\":false", "\"tracking\":false,\"chat\":true");
		assertThat(post(wrong).statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("""
				select choices from consent_record r join consent_site s on s.id = r.site_id where s.site_key = :site
				order by r.version""").param("site", site).query(String.class).list())
				.containsExactly("analytics=1,tracking=0", "analytics=1,chat=1,tracking=0");
	}

	@Test
	void showsTheReceiptToTheHolderOfTheConsentId() throws Exception {
		HttpResponse<String> created = post(ConsentLogSites.body(ConsentLogSites.visitor()));
		String id = json.readTree(created.body()).get("consentId").stringValue();

		HttpResponse<String> r = send("GET", "/c/" + site + "/consents/" + id, "Origin", ConsentLogSites.ORIGIN);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ConsentLogSites.ORIGIN);
		JsonNode receipt = json.readTree(r.body());
		assertThat(receipt.propertyNames()).containsExactlyInAnyOrder("consentId", "recordedAt", "chosenAt", "version", "method",
				"choices", "language");
		assertThat(receipt.get("consentId").stringValue()).isEqualTo(id);
		assertThat(receipt.get("method").stringValue()).isEqualTo("CUSTOM");
		assertThat(receipt.get("choices").get("analytics").booleanValue()).isTrue();
		assertThat(receipt.get("choices").get("tracking").booleanValue()).isFalse();
		assertThat(receipt.get("language").stringValue()).isEqualTo("fr");
		assertThat(r.body()).doesNotContain("Firefox", "visitor", "source", "wegroup.test/fr");

		// Opened directly (no Origin): fine. Another site's key, an unknown id or another origin: no.
		assertThat(send("GET", "/c/" + site + "/consents/" + id).statusCode()).isEqualTo(200);
		String other = sites.site();
		assertThat(send("GET", "/c/" + other + "/consents/" + id).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/c/" + site + "/consents/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/c/" + site + "/consents/not-a-uuid").statusCode()).isEqualTo(404);
		HttpResponse<String> evil = send("GET", "/c/" + site + "/consents/" + id, "Origin", "https://evil.test");
		assertThat(evil.statusCode()).isEqualTo(403);
		assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void groupCommitAcknowledgesEveryConcurrentRecordAndStoresEachOnce() throws Exception {
		int n = 300;
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/c/" + site + "/consents"))
					.header("Content-Type", "text/plain;charset=UTF-8").header("Origin", ConsentLogSites.ORIGIN)
					.POST(HttpRequest.BodyPublishers.ofString(ConsentLogSites.body(ConsentLogSites.visitor()))).build();
			answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		Set<String> ids = new java.util.HashSet<>();
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			HttpResponse<String> r = answer.get();
			assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
			ids.add(json.readTree(r.body()).get("consentId").stringValue());
		}
		assertThat(ids).hasSize(n);
		assertThat(sites.records(site)).isEqualTo(n);
		assertThat(jdbc.sql("""
				select count(*) from consent_record r join consent_site s on s.id = r.site_id
				where s.site_key = :site and r.id in (:ids)""").param("site", site)
				.param("ids", ids.stream().map(UUID::fromString).toList()).query(Long.class).single()).isEqualTo(n);
	}

	static String sha256(String text) throws Exception {
		return java.util.HexFormat.of().formatHex(
				java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}
}
