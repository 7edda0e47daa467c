package io.charter.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.AbstractHandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.charter.shared.PageLanguage;

/**
 * Languages: a language fixed by the page itself ({@link PageLanguage}), else the user's profile
 * language (put in the session at sign-in), else {@code ?lang=}, else the browser's preference
 * among en, fr and nl, else English.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("nl"));

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Object fixed = request.getAttribute(PageLanguage.ATTRIBUTE);
				return fixed instanceof String tag ? Locale.forLanguageTag(tag) : super.resolveLocale(request);
			}

			@Override
			public LocaleContext resolveLocaleContext(HttpServletRequest request) {
				Object fixed = request.getAttribute(PageLanguage.ATTRIBUTE);
				return fixed instanceof String tag ? new SimpleLocaleContext(Locale.forLanguageTag(tag))
						: super.resolveLocaleContext(request);
			}
		};
		resolver.setDefaultLocaleFunction(request -> browserLocale(request.getHeader("Accept-Language")));
		return resolver;
	}

	static Locale browserLocale(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
			return match == null ? Locale.ENGLISH : match;
		}
		catch (IllegalArgumentException malformed) {
			return Locale.ENGLISH;
		}
	}

	/**
	 * Spring's resolver of client errors (415, 400 for a value that does not convert, ...) logs the
	 * exception's message at WARN, which quotes what the client sent (a header, a path value): it
	 * logs nothing here, and {@link RefusalLog} logs the exception's type and the path's template.
	 */
	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		for (HandlerExceptionResolver resolver : resolvers) {
			if (resolver instanceof AbstractHandlerExceptionResolver spring) {
				spring.setWarnLogCategory(null);
			}
		}
		resolvers.add(0, new RefusalLog());
	}

	/** Logs a request Spring MVC refused, without anything the client sent; resolves nothing itself. */
	static final class RefusalLog implements HandlerExceptionResolver {

		private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RefusalLog.class);

		@Override
		public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			// Not 404 or 405: every scanner would write a line per guess.
			if (ex instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()
					&& refused.getStatusCode().value() != 404 && refused.getStatusCode().value() != 405) {
				Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				log.warn("Refused ({}): {} {}: {}", refused.getStatusCode().value(), FailureLog.oneLine(request.getMethod(), 20),
						template == null ? "(no handler)" : template, ex.getClass().getName());
			}
			return null;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String value) {
				Locale asked = Locale.forLanguageTag(value);
				return SUPPORTED.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst().orElse(null);
			}
		};
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		// Public endpoints under /c/ are stateless: a ?lang= there must not open a session.
		registry.addInterceptor(change).excludePathPatterns("/c/**");
	}
}
