package io.charter.identity.signin;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import io.charter.platform.DatabaseOutage;
import io.charter.platform.ProblemWriter;

/** 401 and 403 (503 when the database that checks credentials is out of reach) for the API as RFC 9457 problem details, never a login page or an HTML error. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter problems;

	ProblemResponses(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (DatabaseOutage.causedBy(e)) {
			// Not the client's credentials: the database that would check them is out of reach.
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.retryAfter());
			write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL);
			return;
		}
		response.setHeader("WWW-Authenticate", "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required: a valid API token or session.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, e instanceof CsrfException
				? "The CSRF token is missing or invalid: send the X-CSRF-TOKEN header with the _csrf value of a page."
				: "Your roles do not allow this.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(instance(request.getRequestURI()));
		problems.write(response, problem);
	}

	/** The path as the client sent it; only its safe characters when it is no valid URI. */
	private static URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException notAUri) {
			return ProblemWriter.instance(path);
		}
	}
}
