package io.charter.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.charter.platform.DatabaseOutage;

/**
 * Any controller that could not reach the database answers 503 with Retry-After, in the answer's
 * usual form ({@link ErrorReplies}: the page, SCIM's error format or problem details), and the
 * outage is one WARN line instead of a failure with its stack trace. Before every other advice, so
 * a catch-all does not make it a 500; failures in filters get the same from {@link UnreadableRequests}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutageAnswers {

	private final ErrorReplies replies;
	private final UiAdvice shell;
	private final FailureLog failures = new FailureLog();

	OutageAnswers(ErrorReplies replies, UiAdvice shell) {
		this.replies = replies;
		this.shell = shell;
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	void unreachable(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		failures.outage(request.getMethod(), request.getRequestURI(), e);
		response.reset();
		response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.retryAfter());
		replies.reply(request, response, HttpStatus.SERVICE_UNAVAILABLE.value(), request.getRequestURI(), shell.ui(request));
	}
}
