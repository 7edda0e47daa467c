package io.charter.consent;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public declaration is shown in the language the link asks for ({@code ?lang=}, if the site
 * has it), else in the site's default language: not the browser's, not a Charter user's. And it
 * never opens an HTTP session, so reading the cookie declaration sets no cookie. The request is
 * seen by the rest of the application as one whose only language is that one, without a
 * {@code lang} parameter (which would store a language in a new session) and without a session.
 */
@Component
class DeclarationLanguage extends OncePerRequestFilter {

	static final String ATTRIBUTE = "io.charter.consent.declaration-language";

	private static final Pattern PATH = Pattern.compile("/c/([a-z0-9-]{2,64})/declaration(?:/fragment)?");

	private final DeclarationVersions versions;

	DeclarationLanguage(DeclarationVersions versions) {
		this.versions = versions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PATH.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher m = PATH.matcher(path(request));
		m.matches();
		String asked = request.getParameter("lang");
		Optional<Declaration> current = versions.current(m.group(1));
		String language = current
				.map(d -> asked != null && d.site().languages().contains(asked) ? asked : d.site().defaultLanguage())
				.orElse(CatalogueRules.isLanguage(asked) ? asked : "en");
		request.setAttribute(ATTRIBUTE, language);
		chain.doFilter(new OneLanguage(request, language), response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static final class OneLanguage extends HttpServletRequestWrapper {

		private final String language;

		OneLanguage(HttpServletRequest request, String language) {
			super(request);
			this.language = language;
		}

		@Override
		public String getHeader(String name) {
			return "Accept-Language".equalsIgnoreCase(name) ? language : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return "Accept-Language".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(language))
					: super.getHeaders(name);
		}

		@Override
		public Locale getLocale() {
			return Locale.forLanguageTag(language);
		}

		@Override
		public Enumeration<Locale> getLocales() {
			return Collections.enumeration(java.util.List.of(getLocale()));
		}

		@Override
		public String getParameter(String name) {
			return "lang".equals(name) ? null : super.getParameter(name);
		}

		@Override
		public String[] getParameterValues(String name) {
			return "lang".equals(name) ? null : super.getParameterValues(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
			parameters.remove("lang");
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public HttpSession getSession(boolean create) {
			return create ? super.getSession(true) : null;
		}
	}
}
