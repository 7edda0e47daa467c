package io.charter.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * Errors of REST controllers as RFC 9457 problem details: validation failures list their fields,
 * domain rule violations say what rule, unexpected failures say nothing internal.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	record FieldProblem(String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
		List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
				.map(e -> new FieldProblem(e.getField(), e.getDefaultMessage())).toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid values.");
		problem.setProperty("errors", ex.getAllErrors().stream()
				.map(e -> Map.of("message", String.valueOf(e.getDefaultMessage()))).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail ruleViolation(RuleViolation e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ProblemDetail denied() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected error in an API call", e);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Charter could not complete the request.");
	}
}
