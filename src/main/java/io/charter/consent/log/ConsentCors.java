package io.charter.consent.log;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.charter.consent.ConsentProblem;
import io.charter.consent.DatabaseUnavailable;
import io.charter.platform.ProblemWriter;
import io.charter.shared.NotFound;


/**
 * CORS of the consent log ({@code /c/{site}/consents} and {@code /c/{site}/consents/{id}}), answered
 * here rather than by Spring's global CORS support because the allowed origins are per site and
 * change with each published declaration. An allowed origin is echoed exactly (never {@code *}),
 * without credentials (the banner sends no cookie to Charter); every answer varies by Origin.
 * Preflights are answered here (204, or 403 for an origin, method or header that is not allowed);
 * the controller refuses the actual request of a wrong origin.
 */
class ConsentCors extends OncePerRequestFilter {

	static final Pattern PATH = Pattern.compile("^/c/([^/]+)/consents(/[^/]+)?$");
	static final String MAX_AGE = "600";

	private final ConsentLog log;
	private final ProblemWriter problems;

	ConsentCors(ConsentLog log, ProblemWriter problems) {
		this.log = log;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PATH.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher m = PATH.matcher(path(request));
		m.matches();
		String site = m.group(1);
		boolean item = m.group(2) != null;
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
				&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
		List<String> origins;
		try {
			origins = log.allowedOrigins(site);
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
		boolean allowed = origin != null && origins.contains(origin);
		if (preflight) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
			String method = item ? "GET" : "POST";
			if (!allowed) {
				problem(request, response, HttpStatus.FORBIDDEN, "This origin may not call the consent log of this site.");
				return;
			}
			if (!method.equals(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))
					|| !onlyContentType(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS))) {
				problem(request, response, HttpStatus.FORBIDDEN, "Only " + method + " with Content-Type is allowed here.");
				return;
			}
			allow(response, origin);
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, method);
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
			response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		if (allowed) {
			allowActual(response, origin);
		}
		chain.doFilter(request, response);
	}

	private static void allow(HttpServletResponse response, String origin) {
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
	}

	/** CORS of an actual (not preflight) request from an allowed origin: its answer's headers are readable. */
	static void allowActual(HttpServletResponse response, String origin) {
		allow(response, origin);
		response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, Retry-After");
	}

	private static boolean onlyContentType(String requested) {
		if (requested == null || requested.isBlank()) {
			return true;
		}
		return Arrays.stream(requested.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT))
				.allMatch(h -> h.isEmpty() || h.equals("content-type"));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ConsentProblem.write(problems, request, response, status, detail, null, null);
	}
}
