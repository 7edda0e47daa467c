package io.charter.consent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.charter.platform.ProblemWriter;

/**
 * The consent log's problems as its filters answer them, ahead of Spring MVC: the offending field
 * for a 400 and Retry-After when useful, written by the platform's {@link ProblemWriter}.
 */
public final class ConsentProblem {

	private ConsentProblem() {
	}

	/** With the offending field for a 400 and Retry-After when useful (either may be null). */
	public static void write(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String detail, String field, Duration retryAfter) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(ProblemWriter.instance(request.getRequestURI()));
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
		}
		problems.write(response, problem);
	}
}
