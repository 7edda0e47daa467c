package io.charter.web;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.charter.shared.MessageBundle;
import io.charter.shared.NavigationEntry;
import io.charter.shared.WrittenTexts;

/**
 * What the shell assembles from the modules: one message source over the shell's own bundle and
 * every {@link MessageBundle} a module contributes, and the dashboard's place in the navigation.
 * Modules contribute beans; nothing here lists them.
 */
@Configuration(proxyBeanMethods = false)
class Shell {

	/** The shell's own texts: layout, dashboard, errors. */
	static final MessageBundle MESSAGES = new MessageBundle("messages");

	private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\d");

	/** Named so that the context uses it for every translation (Boot's own backs off). */
	@Bean
	static MessageSource messageSource(ObjectProvider<MessageBundle> bundles, ObjectProvider<WrittenTexts> written) {
		// A day among a text's arguments (a refusal's deadline) reads as the pages write days.
		ResourceBundleMessageSource source = new ResourceBundleMessageSource() {
			/**
			 * A text without placeholders reads as written, given arguments or not: Spring formats
			 * only texts given arguments, which would drop a lone apostrophe from the same text
			 * depending on the caller (BundleApostrophesUnitTests keeps the bundles to this rule).
			 * Quoted whole, its format prints it unchanged; formats are cached per text.
			 */
			@Override
			protected MessageFormat createMessageFormat(String text, Locale locale) {
				return super.createMessageFormat(
						PLACEHOLDER.matcher(text).find() ? text : "'" + text.replace("'", "''") + "'", locale);
			}

			@Override
			protected Object[] resolveArguments(Object[] args, Locale locale) {
				Object[] resolved = super.resolveArguments(args, locale);
				for (int i = 0; i < resolved.length; i++) {
					if (resolved[i] instanceof LocalDate day) {
						resolved[i] = Ui.date(day, locale);
					}
				}
				return resolved;
			}

			/** A key no bundle has may be a text written in the console (a policy document's title). */
			@Override
			protected String resolveCodeWithoutArguments(String code, Locale locale) {
				String text = super.resolveCodeWithoutArguments(code, locale);
				return text != null ? text : writtenText(written, code, locale);
			}

			@Override
			protected MessageFormat resolveCode(String code, Locale locale) {
				MessageFormat format = super.resolveCode(code, locale);
				if (format != null) {
					return format;
				}
				String text = writtenText(written, code, locale);
				// Written in the console, not in a bundle: quoted whole, so its braces and apostrophes read as typed.
				return text == null ? null : new MessageFormat("'" + text.replace("'", "''") + "'", locale);
			}
		};
		source.setBasenames(Stream.concat(Stream.of(MESSAGES), bundles.orderedStream()).map(MessageBundle::basename)
				.distinct().toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	private static String writtenText(ObjectProvider<WrittenTexts> written, String code, Locale locale) {
		return written.orderedStream().map(w -> w.text(code, locale)).flatMap(Optional::stream).findFirst()
				.orElse(null);
	}

	@Bean
	static NavigationEntry dashboardNavigation() {
		return NavigationEntry.of("/", "nav.dashboard", 0);
	}
}
