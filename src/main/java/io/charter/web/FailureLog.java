package io.charter.web;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.charter.platform.DatabaseOutage;

/**
 * How Charter logs a request it could not complete: one line, whatever the request (its method and
 * path, what failed, where it was thrown and the innermost method of Charter's own code it went
 * through, the message cut short and on one line). No client can fill the log by repeating such a
 * request; the stack trace is logged at DEBUG for whoever needs it
 * ({@code logging.level.io.charter.web.FailureLog=debug}).
 */
final class FailureLog {

	private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

	/**
	 * @param method the request's method
	 * @param path the request's path, without its query; long segments are not logged (one-time
	 *        links carry their secret in the path)
	 */
	void unexpected(String method, String path, Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		StackTraceElement[] frames = root.getStackTrace();
		String thrown = frames.length == 0 ? "?" : place(frames[0]);
		String charter = Arrays.stream(frames).filter(f -> f.getClassName().startsWith("io.charter.")).findFirst()
				.map(FailureLog::place).orElse("-");
		String request = request(method, path);
		log.error("Request failed: {}: {} at {} (in Charter: {}): {}", request, root.getClass().getName(),
				thrown, charter, oneLine(String.valueOf(root.getMessage()), 300));
		log.debug("Stack trace of the failure above", failure);
	}

	/** A request stopped because the database is out of reach: one WARN line, no trace but at DEBUG. */
	void outage(String method, String path, Throwable failure) {
		DatabaseOutage.warn(log, "Request refused (503): " + request(method, path), failure);
	}

	private static String request(String method, String path) {
		return oneLine(method, 20) + " " + oneLine(String.valueOf(path).replaceAll("[^/]{17,}", "*"), 200);
	}

	private static String place(StackTraceElement frame) {
		return frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
	}

	/** Text from a request, safe for a log line: no line breaks or other control characters, cut short. */
	static String oneLine(String text, int max) {
		String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
		return flat.length() > max ? flat.substring(0, max) + "..." : flat;
	}
}
