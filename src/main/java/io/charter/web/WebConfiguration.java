package io.charter.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Languages: the user's profile language (put in the session at sign-in), else {@code ?lang=},
 * else the browser's preference among en, fr and nl, else English.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("nl"));

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
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
		registry.addInterceptor(change);
	}
}
