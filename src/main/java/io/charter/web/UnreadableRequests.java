package io.charter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

import io.charter.platform.DatabaseOutage;

/**
 * Answers a request Charter cannot read with a 400 before any component trips over it, and keeps
 * whatever else fails in a request to one log line ({@link FailureLog}). Unreadable: a path whose
 * encoding is broken where the container does not check it (path parameters, {@code ;%ZZ}), query
 * or form parameters that do not decode or are too many. Those are read here once, so every later
 * reader gets them ready; a failure there is the client's, answered directly (an error page
 * dispatch would read them again) and not logged. A failure because the database is out of reach
 * (a security filter reading tokens, sessions or credentials) is a 503 with Retry-After.
 */
class UnreadableRequests extends OncePerRequestFilter {

	private final ErrorReplies replies;
	private final FailureLog failures = new FailureLog();

	UnreadableRequests(ErrorReplies replies) {
		this.replies = replies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int refused = unreadable(request);
		if (refused != 0) {
			replies.reply(request, response, refused, request.getRequestURI(), null);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException failure) {
			if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
				return;
			}
			boolean outage = DatabaseOutage.causedBy(failure);
			if (outage) {
				failures.outage(request.getMethod(), request.getRequestURI(), failure);
			}
			else {
				failures.unexpected(request.getMethod(), request.getRequestURI(), failure);
			}
			if (!response.isCommitted()) {
				response.reset();
				if (outage) {
					response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.retryAfter());
				}
				// Through the error page, which knows who is signed in.
				response.sendError(outage ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.INTERNAL_SERVER_ERROR.value());
			}
		}
	}

	/** The status to refuse the request with; 0 when Charter can read it. */
	static int unreadable(HttpServletRequest request) {
		try {
			RequestPath.parse(request.getRequestURI(), request.getContextPath());
		}
		catch (IllegalArgumentException badEncoding) {
			return HttpStatus.BAD_REQUEST.value();
		}
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException bad) {
			// 400, or 413 for too many parameters or parts too large
			return bad.getErrorCode() >= 400 ? bad.getErrorCode() : HttpStatus.BAD_REQUEST.value();
		}
		catch (IllegalStateException | IllegalArgumentException bad) {
			return HttpStatus.BAD_REQUEST.value();
		}
		return 0;
	}
}
