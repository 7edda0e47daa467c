package io.charter.web;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.charter.platform.RefusalProblems;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

/**
 * Errors of REST controllers as RFC 9457 problem details: validation failures list their fields,
 * domain rule violations say what rule, unexpected failures say nothing internal. Failures the
 * client caused are never a 500: a body type the API does not read is a 415, a value the database
 * or the calendar cannot hold a 400, a change that collided with another one a 409.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final FailureLog failures = new FailureLog();
	private final RefusalProblems refusals;
	private final MessageSource messages;

	ApiProblems(RefusalProblems refusals, MessageSource messages) {
		this.refusals = refusals;
		this.messages = messages;
	}

	record FieldProblem(String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
		List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
				.map(e -> new FieldProblem(e.getField(), messages.getMessage(e, LocaleContextHolder.getLocale()))).toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid values.");
		problem.setProperty("errors", ex.getAllErrors().stream()
				.map(e -> Map.of("message", messages.getMessage(e, LocaleContextHolder.getLocale()))).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	/** A path or query value that does not convert: named, never quoted back (it may be anything the client typed). */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		boolean path = ex instanceof MethodArgumentTypeMismatchException m && m.getParameter().hasParameterAnnotation(PathVariable.class);
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid " + (path ? "path value" : "value") + " for " + name));
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail ruleViolation(RuleViolation e) {
		return refusals.of(HttpStatus.BAD_REQUEST, e);
	}

	/**
	 * Spring refuses to read a body whose Content-Type is a wildcard ({@code *}{@code /*},
	 * {@code application/*}) with an IllegalArgumentException before any converter is asked, so
	 * without this such a request would be a 500 on every endpoint with a body.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> illegalArgument(IllegalArgumentException e, NativeWebRequest request) throws Exception {
		MediaType type = wildcardContentType(request);
		if (type == null) {
			return ResponseEntity.internalServerError().body(unexpected(e));
		}
		HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
		HttpMethod method = servlet == null ? null : HttpMethod.valueOf(servlet.getMethod());
		HttpMediaTypeNotSupportedException unsupported = new HttpMediaTypeNotSupportedException(type,
				List.of(MediaType.APPLICATION_JSON), method);
		return handleHttpMediaTypeNotSupported(unsupported, unsupported.getHeaders(), unsupported.getStatusCode(), request);
	}

	private static MediaType wildcardContentType(WebRequest request) {
		String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (header == null) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(header);
			return type.isWildcardType() || type.isWildcardSubtype() ? type : null;
		}
		catch (InvalidMediaTypeException e) {
			return null;
		}
	}

	/** A date far outside any calendar Charter works with (year 999999999) overflows date arithmetic. */
	@ExceptionHandler(DateTimeException.class)
	ProblemDetail dateOutOfRange() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A date or time is out of range.");
	}

	/**
	 * Two requests changed the same thing at once: one of them hit a unique key the other had just
	 * taken, a lock it could not get, or a revision that had moved on. Nothing of the losing request
	 * was saved; it may read again and retry.
	 */
	@ExceptionHandler({ DuplicateKeyException.class, ConcurrencyFailureException.class })
	ProblemDetail conflict() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This was changed by another request at the same time. Read it again, then retry.");
	}

	/**
	 * A value the database refused. SQL state class 22 (data exception: out of range, a character
	 * such as NUL that PostgreSQL does not store) is the client's input; class 23 (a constraint on
	 * stored rows) is a collision with another change. Anything else is unexpected.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> refusedByTheDatabase(DataIntegrityViolationException e) {
		String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
		if (state != null && state.startsWith("22")) {
			return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"A value cannot be stored: it is out of range or holds a character that is not allowed."));
		}
		if (state != null && state.startsWith("23")) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict());
		}
		return ResponseEntity.internalServerError().body(unexpected(e));
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
		HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
				? current.getRequest() : null;
		failures.unexpected(request == null ? "-" : request.getMethod(), request == null ? "-" : request.getRequestURI(), e);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Charter could not complete the request.");
	}
}
