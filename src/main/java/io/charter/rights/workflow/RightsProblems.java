package io.charter.rights.workflow;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.charter.rights.ExportFailed;
import io.charter.rights.RequestChangeRefused;
import io.charter.rights.StepNotAllowed;

/**
 * The rights API's own problem statuses, before the platform's (which answers other rule
 * violations with 400): a step the request's state does not allow is a conflict, a module that
 * could not export is a temporary failure. Refusals answer in English with their bundle key as
 * {@code code}; the pages say them in the user's language.
 */
@RestControllerAdvice(assignableTypes = { RightsApi.class, RequestStepsApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class RightsProblems {

	private final MessageSource messages;

	RightsProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(StepNotAllowed.class)
	ProblemDetail notNow(StepNotAllowed e) {
		return problem(HttpStatus.CONFLICT, e);
	}

	@ExceptionHandler(ExportFailed.class)
	ProblemDetail exportFailed(ExportFailed e) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, e);
	}

	@ExceptionHandler(RequestChangeRefused.class)
	ProblemDetail refused(RequestChangeRefused e) {
		return problem(HttpStatus.BAD_REQUEST, e);
	}

	/** In English, for machines and logs, with the refusal's key as a stable {@code code}. */
	private ProblemDetail problem(HttpStatus status, RequestChangeRefused e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(e, Locale.ENGLISH));
		problem.setProperty("code", e.code());
		return problem;
	}
}
