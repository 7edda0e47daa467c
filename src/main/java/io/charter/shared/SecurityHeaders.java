package io.charter.shared;

/**
 * The security header values of Charter's answers, in one place: the security chains send them,
 * and the web shell puts them on the error answers written outside those chains (by the servlet
 * container, or before a chain ran).
 */
public final class SecurityHeaders {

	/** Pages: no inline script or style anywhere (templates and the banner keep to it). */
	public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** API answers (JSON, problem details): nothing in them may load anything. */
	public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/** Referrer-Policy of pages and API answers; the public request pages send none at all. */
	public static final String REFERRER_POLICY = "same-origin";

	private SecurityHeaders() {
	}
}
