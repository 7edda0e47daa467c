package io.charter.consent;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem detail written straight to the servlet response, for the consent log's
 * filters, which answer ahead of Spring MVC and its problem-detail support.
 */
final class ConsentProblem {

	private ConsentProblem() {
	}

	/** With the offending field for a 400 and Retry-After when useful (either may be null). */
	static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail, String field, Duration retryAfter) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", ""));
		if (field != null) {
			problem.put("errors", List.of(Map.of("field", field, "message", detail)));
		}
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
		}
		byte[] body = json.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
