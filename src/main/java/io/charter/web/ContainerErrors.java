package io.charter.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The error answers the servlet container writes itself, for requests that never reach Charter (a
 * request line or header it refuses, an unsupported HTTP version) or whose error page failed: the
 * same as Charter's own ({@link ErrorReplies}), security headers included, instead of Tomcat's
 * report page.
 */
final class ContainerErrors extends ErrorReportValve {

	private final ObjectProvider<ErrorReplies> replies;

	ContainerErrors(ObjectProvider<ErrorReplies> replies) {
		this.replies = replies;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		try {
			String body = replies.getObject().answer(request, response, response.getStatus(), request.getRequestURI(), null);
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | RuntimeException lost) {
			// The status line is all this client gets; nothing to log for a request Charter never read.
		}
	}
}
