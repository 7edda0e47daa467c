package io.charter.consent.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

import io.charter.consent.ConsentProblem;
import io.charter.consent.DatabaseUnavailable;
import io.charter.platform.ProblemWriter;
import io.charter.shared.NotFound;

/**
 * CORS of the consent log ({@code /c/{site}/consents} and {@code /c/{site}/consents/{id}}) through
 * Spring's {@link DefaultCorsProcessor}, with a configuration per site ({@link Sites}) because the
 * allowed origins are per site and change with each published declaration. An allowed origin is
 * echoed exactly (never {@code *}), without credentials (the banner sends no cookie to Charter).
 * Preflights are answered here (204, or 403 for an origin, method or header that is not allowed);
 * the actual request of a wrong origin goes on without CORS headers and is refused by the log itself
 * (its problem detail says why), which is why the processor's own refusal writes nothing.
 */
class ConsentCors extends OncePerRequestFilter {

	static final Pattern PATH = Pattern.compile("^/c/([^/]+)/consents(/[^/]+)?$");
	static final long MAX_AGE = 600;
	static final Processor PROCESSOR = new Processor();

	private final Sites sites;
	private final ProblemWriter problems;

	ConsentCors(Sites sites, ProblemWriter problems) {
		this.sites = sites;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PATH.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean preflight = CorsUtils.isPreFlightRequest(request);
		CorsConfiguration config;
		try {
			config = sites.getCorsConfiguration(request);
		}
		catch (NotFound unknownSite) {
			if (preflight) {
				problem(request, response, HttpStatus.NOT_FOUND, "No published cookie declaration for this site.");
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		catch (DatabaseUnavailable unavailable) {
			ConsentProblem.write(problems, request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"The consent log cannot be reached right now. Try again.", null, ConsentWriter.RETRY);
			return;
		}
		boolean allowed = PROCESSOR.processRequest(config, request, response);
		if (preflight) {
			if (!allowed) {
				problem(request, response, HttpStatus.FORBIDDEN, "Only " + config.getAllowedMethods().get(0)
						+ " with Content-Type from the site's origins is allowed here.");
				return;
			}
			// The processor lists only the headers asked for; the answer names the one allowed header.
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.CONTENT_TYPE);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ConsentProblem.write(problems, request, response, status, detail, null, null);
	}

	/**
	 * Spring's processor, except that a refusal only reports itself (the caller answers with a problem
	 * detail, or lets the consent log refuse the request), and a preflight that asks for any header
	 * besides the allowed ones is refused (Spring's would answer with the allowed part and leave the
	 * refusal to the browser).
	 */
	static final class Processor extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
		}

		@Override
		protected List<String> checkHeaders(CorsConfiguration config, List<String> requestHeaders) {
			List<String> allowed = super.checkHeaders(config, requestHeaders);
			long asked = requestHeaders.stream().filter(h -> !h.isBlank()).count();
			return allowed != null && allowed.size() < asked ? null : allowed;
		}
	}

	/**
	 * The CORS headers of actual (not preflight) requests on a fresh response, as {@link #PROCESSOR}
	 * sets them, remembered per configuration, allowed origin and the request's own scheme, host and
	 * port (what the processor's answer depends on). The processor wraps both request and response,
	 * parses the origin as a URI and reads every request header on each call: on the consent-write
	 * path that cost more than the HMAC and the rate limit together. Only allowed origins are
	 * remembered (a list the sites publish, not what clients send), at most {@link #REMEMBERED}
	 * answers, forgotten all at once beyond that (old publications' configurations with them).
	 */
	static final class ActualRequests {

		static final int REMEMBERED = 1_000;

		private record Key(CorsConfiguration config, String origin, String scheme, String host, int port) {
		}

		private record Header(boolean add, String name, String value) {
		}

		private final DefaultCorsProcessor processor;
		private final Map<Key, List<Header>> answers = new ConcurrentHashMap<>();

		ActualRequests(DefaultCorsProcessor processor) {
			this.processor = processor;
		}

		/** Sets the CORS headers of an actual request on a response that has none of them yet. */
		void process(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			String origin = request.getHeader(HttpHeaders.ORIGIN);
			List<String> allowed = config.getAllowedOrigins();
			if (origin == null || allowed == null || !allowed.contains(origin) || CorsUtils.isPreFlightRequest(request)) {
				processor.processRequest(config, request, response);
				return;
			}
			Key key = new Key(config, origin, request.getScheme(), request.getServerName(), request.getServerPort());
			List<Header> known = answers.get(key);
			if (known != null) {
				for (Header h : known) {
					if (h.add()) {
						response.addHeader(h.name(), h.value());
					}
					else {
						response.setHeader(h.name(), h.value());
					}
				}
				return;
			}
			Recording recording = new Recording(response);
			boolean accepted = processor.processRequest(config, request, recording);
			if (accepted && recording.onlyHeaders) {
				if (answers.size() >= REMEMBERED) {
					answers.clear();
				}
				answers.put(key, List.copyOf(recording.headers));
			}
		}

		/** Passes everything on, and notes the headers set; anything else makes the answer one not to remember. */
		private static final class Recording extends HttpServletResponseWrapper {

			final List<Header> headers = new ArrayList<>();
			boolean onlyHeaders = true;

			Recording(HttpServletResponse response) {
				super(response);
			}

			@Override
			public void addHeader(String name, String value) {
				headers.add(new Header(true, name, value));
				super.addHeader(name, value);
			}

			@Override
			public void setHeader(String name, String value) {
				headers.add(new Header(false, name, value));
				super.setHeader(name, value);
			}

			@Override
			public void setStatus(int sc) {
				onlyHeaders = false;
				super.setStatus(sc);
			}

			@Override
			public void setContentType(String type) {
				onlyHeaders = false;
				super.setContentType(type);
			}

			@Override
			public void setContentLength(int len) {
				onlyHeaders = false;
				super.setContentLength(len);
			}

			@Override
			public void setContentLengthLong(long len) {
				onlyHeaders = false;
				super.setContentLengthLong(len);
			}

			@Override
			public void setCharacterEncoding(String charset) {
				onlyHeaders = false;
				super.setCharacterEncoding(charset);
			}

			@Override
			public void setIntHeader(String name, int value) {
				onlyHeaders = false;
				super.setIntHeader(name, value);
			}

			@Override
			public void addIntHeader(String name, int value) {
				onlyHeaders = false;
				super.addIntHeader(name, value);
			}

			@Override
			public void setDateHeader(String name, long date) {
				onlyHeaders = false;
				super.setDateHeader(name, date);
			}

			@Override
			public void addDateHeader(String name, long date) {
				onlyHeaders = false;
				super.addDateHeader(name, date);
			}

			@Override
			public ServletOutputStream getOutputStream() throws IOException {
				onlyHeaders = false;
				return super.getOutputStream();
			}

			@Override
			public PrintWriter getWriter() throws IOException {
				onlyHeaders = false;
				return super.getWriter();
			}
		}
	}

	/**
	 * The CORS configuration of a site's consent log, made once per published list of origins: exact
	 * origins, POST for records and GET for receipts, Content-Type only, Location and Retry-After
	 * readable, no credentials, preflights cached 10 minutes. {@link NotFound} for a site without a
	 * published declaration, {@link DatabaseUnavailable} when it is not in memory and cannot be read.
	 */
	static final class Sites implements CorsConfigurationSource {

		private record Made(List<String> origins, CorsConfiguration records, CorsConfiguration receipts) {
		}

		private final Function<String, List<String>> allowedOrigins;
		private final Map<String, Made> made = new ConcurrentHashMap<>();

		/** @param allowedOrigins a site's current allowed origins ({@link ConsentLog#allowedOrigins}) */
		Sites(Function<String, List<String>> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		@Override
		public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
			Matcher m = PATH.matcher(path(request));
			if (!m.matches()) {
				return null;
			}
			return forSite(m.group(1), m.group(2) != null);
		}

		CorsConfiguration forSite(String site, boolean receipt) {
			List<String> origins = allowedOrigins.apply(site);
			Made current = made.get(site);
			// The list is the published declaration's own: the same object until the next publication.
			if (current == null || current.origins() != origins) {
				current = new Made(origins, configuration(origins, "POST"), configuration(origins, "GET"));
				made.put(site, current);
			}
			return receipt ? current.receipts() : current.records();
		}

		private static CorsConfiguration configuration(List<String> origins, String method) {
			CorsConfiguration config = new CorsConfiguration();
			config.setAllowedOrigins(origins);
			config.setAllowedMethods(List.of(method));
			config.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE));
			config.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
			config.setAllowCredentials(false);
			config.setMaxAge(MAX_AGE);
			return config;
		}
	}
}
