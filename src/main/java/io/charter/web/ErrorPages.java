package io.charter.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error that reaches the container's error page: the API and JSON clients get RFC 9457
 * problem details, browsers get Charter's own error page ({@link ErrorReplies}), with the security
 * headers even when the failed request never passed a security chain.
 */
@Controller
class ErrorPages implements ErrorController {

	private final ErrorReplies replies;
	private final UiAdvice shell;

	ErrorPages(ErrorReplies replies, UiAdvice shell) {
		this.replies = replies;
		this.shell = shell;
	}

	/** A request for the error path itself, not the container's dispatch of an error. */
	static boolean askedDirectly(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR
				&& "/error".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (askedDirectly(request)) {
			// Asked for directly: there is no error to show. As a visitor, so no session is made for a CSRF token.
			replies.reply(request, response, HttpStatus.NOT_FOUND.value(), request.getRequestURI(), null);
			return;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? null : uri.toString().substring(request.getContextPath().length());
		replies.reply(request, response, code instanceof Integer i ? i : 500, path, shell.ui(request));
	}
}
