package io.charter.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
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

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? null : uri.toString().substring(request.getContextPath().length());
		replies.reply(request, response, code instanceof Integer i ? i : 500, path, shell.ui(request));
	}
}
