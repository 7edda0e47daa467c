package io.charter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON body larger than {@code charter.web.max-json-body} with 413 before anything reads
 * it: Tomcat bounds form posts ({@code server.tomcat.max-http-form-post-size}) but not other bodies,
 * so a client could make Charter parse and hold any size of JSON. A body announced larger is refused
 * unread; a chunked one stops being read at the limit (the reader then fails, a 400). osquery and the
 * consent log keep limits of their own, smaller or sized for their clients.
 */
class JsonBodyLimit extends OncePerRequestFilter {

	private final ErrorReplies replies;
	private final long max;

	JsonBodyLimit(ErrorReplies replies, long max) {
		this.replies = replies;
		this.max = max;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		String path = request.getRequestURI();
		return type == null || !type.toLowerCase(java.util.Locale.ROOT).matches("[^;]*[/+]json\\b.*") || path.startsWith("/osquery/")
				|| path.startsWith("/c/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > max) {
			replies.reply(request, response, HttpStatus.CONTENT_TOO_LARGE.value(), request.getRequestURI(), null);
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, max) : request, response);
	}

	/** A body of unknown length, cut off past the limit. */
	static final class Bounded extends HttpServletRequestWrapper {

		private final long max;

		Bounded(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {
				long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					count(b < 0 ? 0 : 1);
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > max) {
						throw new IOException("The body is larger than charter.web.max-json-body.");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}
	}
}
