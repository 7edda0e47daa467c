package io.charter.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
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
