package io.charter.shared;

/**
 * A public page whose language is fixed by what it shows (a cookie declaration in the language its
 * link asks for) puts the language tag in this request attribute; the web shell then renders the
 * page in it, whatever the browser, the session or a signed-in user prefer.
 */
public final class PageLanguage {

	public static final String ATTRIBUTE = "io.charter.page-language";

	private PageLanguage() {
	}
}
