package io.charter.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import io.charter.platform.DatabaseOutage;
import io.charter.platform.ProblemWriter;
import io.charter.shared.SecurityHeaders;

/**
 * Every error answer, whoever writes it: Charter's own page for browsers, RFC 9457 problem
 * details under {@code /api} and for other clients, and the security headers of Charter's answers
 * when the answer does not carry them yet (the container's own errors and errors of requests no
 * security chain saw). Never a stack trace or the framework's page.
 */
@Component
class ErrorReplies {

	private static final String VIEW = "error.jte";
	private static final String CSRF_REFUSED = "The CSRF token is missing or invalid: send the X-CSRF-TOKEN header with the _csrf value of a page.";

	private final TemplateEngine templates;
	private final MessageSource messages;
	private final ProblemWriter problems;
	private final ZoneId zone;

	ErrorReplies(TemplateEngine templates, MessageSource messages, ProblemWriter problems, WebSettings settings) {
		this.templates = templates;
		this.messages = messages;
		this.problems = problems;
		this.zone = settings.timeZone();
	}

	/**
	 * Writes an error answer: its status, type, missing security headers and body.
	 *
	 * @param path the path the client asked for (an error dispatch's own path is {@code /error})
	 * @param ui who asks, for the page; null for a visitor nobody signed in
	 */
	void reply(HttpServletRequest request, HttpServletResponse response, int code, String path, Ui ui)
			throws IOException {
		String body = answer(request, response, code, path, ui);
		// The answer set the type and its charset: only then may the writer be taken.
		response.getWriter().write(body);
	}

	/**
	 * Sets the status, the type and the missing security headers of an error answer and returns its
	 * body, for a caller that writes it its own way (the container's error report).
	 */
	String answer(HttpServletRequest request, HttpServletResponse response, int code, String path, Ui ui) {
		HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(code);
		response.setStatus(status.value());
		boolean page = wantsPage(request, path);
		addMissingHeaders(request, response, page);
		if (page) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			StringOutput html = new StringOutput();
			templates.render(VIEW, Map.of("ui", ui != null ? ui : visitor(request), "status", status.value()), html);
			return html.toString();
		}
		if (path != null && path.startsWith("/scim/")) {
			// Identity providers read SCIM's error format (RFC 7644 section 3.12) there, also for the container's refusals.
			response.setContentType("application/scim+json;charset=UTF-8");
			return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status.value()
					+ "\",\"detail\":\"" + detail(request, status) + "\"}";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(request, status));
		if (path != null) {
			problem.setInstance(ProblemWriter.instance(path));
		}
		response.setContentType(ProblemWriter.CONTENT_TYPE);
		return new String(problems.body(problem), StandardCharsets.UTF_8);
	}

	/** A refusal for want of a CSRF token is no matter of roles: saying so would send the client looking in the wrong place. */
	private static String detail(HttpServletRequest request, HttpStatus status) {
		if (status == HttpStatus.FORBIDDEN && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
			return CSRF_REFUSED;
		}
		return detail(status);
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "No such resource.";
			case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
			case UNAUTHORIZED -> "Authentication is required.";
			case FORBIDDEN -> "Your roles do not allow this.";
			case BAD_REQUEST -> "The request could not be read.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case SERVICE_UNAVAILABLE -> DatabaseOutage.DETAIL;
			default -> status.is5xxServerError() ? "Charter could not complete the request." : status.getReasonPhrase();
		};
	}

	/** Browsers asking for a page outside the API get the page; the API and everyone else, JSON. */
	private static boolean wantsPage(HttpServletRequest request, String path) {
		if (path == null || isApi(path)) {
			return false;
		}
		try {
			List<MediaType> accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
			return accepted.stream().anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("html"));
		}
		catch (InvalidMediaTypeException malformed) {
			return false;
		}
	}

	private static boolean isApi(String path) {
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
	}

	/** The headers the security chains set, for answers written where no chain ran. */
	private static void addMissingHeaders(HttpServletRequest request, HttpServletResponse response, boolean page) {
		setIfMissing(response, "Content-Security-Policy", page ? SecurityHeaders.PAGE_POLICY : SecurityHeaders.API_POLICY);
		setIfMissing(response, "X-Content-Type-Options", "nosniff");
		setIfMissing(response, "X-Frame-Options", "DENY");
		setIfMissing(response, "Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
		setIfMissing(response, HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
		if (request.isSecure()) {
			setIfMissing(response, "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}

	private static void setIfMissing(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

	/** The page as a visitor sees it: in the browser's language among Charter's, nobody signed in. */
	private Ui visitor(HttpServletRequest request) {
		return new Ui(messages, WebConfiguration.browserLocale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)), zone,
				null, Set.of(), List.of(), "_csrf", "", "", null);
	}
}
