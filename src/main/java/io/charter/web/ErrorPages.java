package io.charter.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the container: the API and JSON clients get RFC 9457 problem details,
 * browsers get Charter's own error page. Never a stack trace or the framework's page.
 */
@Controller
class ErrorPages implements ErrorController {

	static final String VIEW = "error";

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		HttpStatus status = status(request);
		if (isApi(request)) {
			ProblemDetail problem = problem(request).getBody();
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + problem.getDetail() + "\"}");
			return null;
		}
		ModelAndView mav = new ModelAndView(VIEW, Map.of("status", status.value(), "ui", UiAdvice.build(messages, request)));
		mav.setStatus(status);
		return mav;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(switch (status) {
			case NOT_FOUND -> "No such resource.";
			case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
			case UNAUTHORIZED -> "Authentication is required.";
			case FORBIDDEN -> "Your roles do not allow this.";
			default -> status.is5xxServerError() ? "Charter could not complete the request." : status.getReasonPhrase();
		});
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString().replaceAll("[^A-Za-z0-9/._~-]", "")));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}
