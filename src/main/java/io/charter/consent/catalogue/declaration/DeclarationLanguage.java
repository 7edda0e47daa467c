package io.charter.consent.catalogue.declaration;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.charter.consent.CatalogueRules;
import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.shared.PageLanguage;


/**
 * The public declaration is shown in the language the link asks for ({@code ?lang=}, if the site
 * has it), else in the site's default language: not the browser's, not a Charter user's. The
 * language goes into {@link PageLanguage#ATTRIBUTE}, which the web shell renders the page in.
 */
@Component
class DeclarationLanguage extends OncePerRequestFilter {

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
		request.setAttribute(PageLanguage.ATTRIBUTE, language);
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
