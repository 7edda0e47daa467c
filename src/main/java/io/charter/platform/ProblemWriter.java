package io.charter.platform;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details where Spring MVC's own problem-detail support does not answer:
 * servlet filters, security entry points and access-denied handlers, the error page. The body is
 * Spring's {@link ProblemDetail} through the application's JSON mapper (which carries Spring's
 * problem-detail mix-in), so these answers look exactly like the controllers' ones.
 */
@Component
public class ProblemWriter {

	/** The type and charset of every problem answer. */
	public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8";

	private static final URI BLANK = URI.create("about:blank");

	private final JsonMapper json;

	public ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A requested path as a problem's {@code instance}: only its unreserved URI characters and
	 * slashes, so a client's odd bytes are never echoed back.
	 */
	public static URI instance(String path) {
		return URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", ""));
	}

	/**
	 * The body of a problem, for an answer written many times over (serialize once, write often).
	 * Without a type the problem says {@code about:blank}, as these answers always have.
	 */
	public byte[] body(ProblemDetail problem) {
		if (problem.getType() == null) {
			problem.setType(BLANK);
		}
		return json.writeValueAsBytes(problem);
	}

	/** Sets the problem's status and type and writes it as the whole body of the response. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		write(response, problem.getStatus(), body(problem));
	}

	/** Writes a problem serialized earlier with {@link #body(ProblemDetail)}. */
	public void write(HttpServletResponse response, int status, byte[] body) throws IOException {
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
