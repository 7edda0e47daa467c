package io.charter.rights.workflow;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.charter.rights.ExportFailed;
import io.charter.rights.StepNotAllowed;

/**
 * The rights API's own problem statuses, before the platform's (which answers other rule
 * violations with 400): a step the request's state does not allow is a conflict, a module that
 * could not export is a temporary failure.
 */
@RestControllerAdvice(assignableTypes = { RightsApi.class, RequestStepsApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class RightsProblems {

	@ExceptionHandler(StepNotAllowed.class)
	ProblemDetail notNow(StepNotAllowed e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler(ExportFailed.class)
	ProblemDetail exportFailed(ExportFailed e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
	}
}
