package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import tools.jackson.databind.json.JsonMapper;

import io.charter.platform.ProblemWriter;
import io.charter.shared.NotFound;

/**
 * The consent log's CORS through Spring's processor and the per-site configuration: what the
 * hand-written filter answered before, for preflights and actual requests.
 */
class ConsentCorsUnitTests {

	static final String SITE_ORIGIN = "https://www.site.test";

	final AtomicReference<List<String>> origins = new AtomicReference<>(List.of(SITE_ORIGIN));
	final ConsentCors.Sites sites = new ConsentCors.Sites(site -> {
		if (!site.equals("site")) {
			throw new NotFound("No published cookie declaration for this site.");
		}
		return origins.get();
	});
	final ConsentCors cors = new ConsentCors(sites, new ProblemWriter(JsonMapper.builder().build()));

	MockHttpServletResponse send(String method, String path, Map<String, String> headers, MockFilterChain chain)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServerName("charter.test");
		headers.forEach(request::addHeader);
		MockHttpServletResponse response = new MockHttpServletResponse();
		cors.doFilter(request, response, chain);
		return response;
	}

	MockHttpServletResponse preflight(String path, Map<String, String> headers) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = send("OPTIONS", path, headers, chain);
		assertThat(chain.getRequest()).as("a preflight is answered here").isNull();
		return response;
	}

	@Test
	void aPreflightFromTheSitesOriginIsAnswered204WithTheSiteOnly() throws Exception {
		MockHttpServletResponse r = preflight("/c/site/consents", Map.of("Origin", SITE_ORIGIN,
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
		assertThat(r.getStatus()).isEqualTo(204);
		assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo(SITE_ORIGIN);
		assertThat(r.getHeader("Access-Control-Allow-Methods")).isEqualTo("POST");
		assertThat(r.getHeader("Access-Control-Allow-Headers")).isEqualTo("Content-Type");
		assertThat(r.getHeader("Access-Control-Max-Age")).isEqualTo("600");
		assertThat(r.getHeader("Access-Control-Allow-Credentials")).isNull();
		assertThat(r.getHeaders("Vary")).contains("Origin");

		MockHttpServletResponse receipt = preflight("/c/site/consents/8f0c2b7e-0000-4000-8000-000000000000",
				Map.of("Origin", SITE_ORIGIN, "Access-Control-Request-Method", "GET"));
		assertThat(receipt.getStatus()).isEqualTo(204);
		assertThat(receipt.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET");
	}

	@Test
	void aPreflightOfAnotherOriginMethodOrHeaderIsRefused403WithoutCorsHeaders() throws Exception {
		for (Map<String, String> headers : List.of(
				Map.of("Origin", "https://evil.test", "Access-Control-Request-Method", "POST"),
				Map.of("Origin", "http://www.site.test", "Access-Control-Request-Method", "POST"),
				Map.of("Origin", SITE_ORIGIN, "Access-Control-Request-Method", "GET"),
				Map.of("Origin", SITE_ORIGIN, "Access-Control-Request-Method", "POST",
						"Access-Control-Request-Headers", "content-type, authorization"))) {
			MockHttpServletResponse r = preflight("/c/site/consents", headers);
			assertThat(r.getStatus()).as(headers.toString()).isEqualTo(403);
			assertThat(r.getHeader("Access-Control-Allow-Origin")).as(headers.toString()).isNull();
			assertThat(r.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
		}
		assertThat(preflight("/c/unknown/consents", Map.of("Origin", SITE_ORIGIN, "Access-Control-Request-Method", "POST"))
				.getStatus()).isEqualTo(404);
	}

	@Test
	void anActualRequestGoesOnWithTheOriginEchoedOnlyWhenItIsTheSites() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse r = send("GET", "/c/site/consents/some-id", Map.of("Origin", SITE_ORIGIN), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo(SITE_ORIGIN);
		assertThat(r.getHeader("Access-Control-Expose-Headers")).isEqualTo("Location, Retry-After");

		// Another origin: no CORS header, and the consent log itself refuses it.
		chain = new MockFilterChain();
		r = send("GET", "/c/site/consents/some-id", Map.of("Origin", "https://evil.test"), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getHeader("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void aNewPublishedListOfOriginsMakesANewConfigurationTheSameListReusesIt() {
		var first = sites.forSite("site", false);
		assertThat(sites.forSite("site", false)).isSameAs(first);
		origins.set(List.of("https://new.site.test"));
		var second = sites.forSite("site", false);
		assertThat(second).isNotSameAs(first);
		assertThat(second.getAllowedOrigins()).containsExactly("https://new.site.test");
	}

	/** Counts the processor's runs; answers as the consent write path's own processor does. */
	static final class CountingProcessor extends DefaultCorsProcessor {

		int runs;

		@Override
		public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			runs++;
			return ConsentCors.PROCESSOR.processRequest(config, request, response);
		}
	}

	MockHttpServletResponse actual(ConsentCors.ActualRequests answers, String origin, String serverName) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/c/site/consents");
		request.setServerName(serverName);
		request.addHeader("Origin", origin);
		MockHttpServletResponse response = new MockHttpServletResponse();
		answers.process(sites.forSite("site", false), request, response);
		return response;
	}

	static Map<String, List<String>> headers(MockHttpServletResponse response) {
		Map<String, List<String>> headers = new java.util.TreeMap<>();
		response.getHeaderNames().forEach(n -> headers.put(n, response.getHeaders(n)));
		return headers;
	}

	@Test
	void anAllowedOriginsWriteGetsTheProcessorsHeadersFromMemoryAfterTheFirst() throws Exception {
		CountingProcessor processor = new CountingProcessor();
		ConsentCors.ActualRequests answers = new ConsentCors.ActualRequests(processor);
		MockHttpServletResponse first = actual(answers, SITE_ORIGIN, "charter.test");
		MockHttpServletResponse second = actual(answers, SITE_ORIGIN, "charter.test");
		assertThat(processor.runs).isEqualTo(1);
		assertThat(headers(second)).isEqualTo(headers(first));
		assertThat(second.getHeader("Access-Control-Allow-Origin")).isEqualTo(SITE_ORIGIN);
		assertThat(second.getHeaders("Vary")).contains("Origin");

		// Another host of Charter's (the answer depends on it: same-origin requests get no CORS header).
		actual(answers, SITE_ORIGIN, "www.site.test");
		assertThat(processor.runs).isEqualTo(2);
		// A new publication of the origins: its own configuration, the processor runs again.
		origins.set(List.of(SITE_ORIGIN, "https://new.site.test"));
		actual(answers, SITE_ORIGIN, "charter.test");
		assertThat(processor.runs).isEqualTo(3);
	}

	@Test
	void aRefusedOriginIsNeverAnsweredFromMemory() throws Exception {
		CountingProcessor processor = new CountingProcessor();
		ConsentCors.ActualRequests answers = new ConsentCors.ActualRequests(processor);
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse r = actual(answers, "https://evil.test", "charter.test");
			assertThat(r.getHeader("Access-Control-Allow-Origin")).isNull();
		}
		assertThat(processor.runs).isEqualTo(3);
	}
}
