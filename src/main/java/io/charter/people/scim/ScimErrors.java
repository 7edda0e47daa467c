package io.charter.people.scim;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.charter.people.InvalidPerson;
import io.charter.people.PersonNotFound;
import io.charter.shared.NotFound;
import io.charter.shared.RuleViolation;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every refusal of {@code /scim/v2} in SCIM's error format (RFC 7644 section 3.12), not as problem
 * details: identity providers read {@code scimType} and {@code detail}. The directory's rule
 * violations map to {@code uniqueness} (409: an address or employee id of someone else) and
 * {@code invalidValue} (400).
 */
@RestControllerAdvice(assignableTypes = { ScimUsers.class, ScimGroups.class, ScimDiscovery.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

	static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

	private final JsonMapper json;

	ScimErrors(JsonMapper json) {
		this.json = json;
	}

	ObjectNode body(ScimException e) {
		ObjectNode body = json.createObjectNode();
		body.putArray("schemas").add(ERROR);
		body.put("status", String.valueOf(e.status()));
		if (e.scimType() != null) {
			body.put("scimType", e.scimType());
		}
		body.put("detail", e.getMessage());
		return body;
	}

	/** For the security chain, which answers before any controller. */
	void write(HttpServletResponse response, ScimException e) throws IOException {
		response.setStatus(e.status());
		response.setContentType(ScimResources.SCIM_JSON);
		response.getOutputStream().write(json.writeValueAsBytes(body(e)));
	}

	@ExceptionHandler(ScimException.class)
	ResponseEntity<ObjectNode> scim(ScimException e) {
		return ResponseEntity.status(e.status()).contentType(ScimResources.SCIM_TYPE).body(body(e));
	}

	@ExceptionHandler(InvalidPerson.class)
	ResponseEntity<ObjectNode> invalidPerson(InvalidPerson e) {
		boolean taken = e.reason().endsWith("-taken");
		return scim(new ScimException(taken ? 409 : 400, taken ? "uniqueness" : "invalidValue",
				"Invalid " + e.field() + ": " + e.reason()));
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ObjectNode> rule(RuleViolation e) {
		return scim(ScimException.invalidValue(e.getMessage()));
	}

	@ExceptionHandler({ PersonNotFound.class, NotFound.class })
	ResponseEntity<ObjectNode> notFound(Exception e) {
		return scim(ScimException.notFound("Resource"));
	}

	/**
	 * A resource id that is no id names no resource (404); a query parameter that does not parse
	 * ({@code count=abc}, a number past the largest) is an invalid value (400, RFC 7644 section 3.12),
	 * named but not quoted.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ObjectNode> mismatch(MethodArgumentTypeMismatchException e) {
		if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return notFound(e);
		}
		return scim(ScimException.invalidValue("Invalid value for " + e.getName()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ObjectNode> unreadable(HttpMessageNotReadableException e) {
		return scim(new ScimException(400, "invalidSyntax", "The request body is not a JSON object"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ObjectNode> mediaType(HttpMediaTypeNotSupportedException e) {
		return scim(new ScimException(415, null, "Send application/scim+json or application/json"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException e) {
		return scim(new ScimException(405, null, "Method not supported here"));
	}
}
