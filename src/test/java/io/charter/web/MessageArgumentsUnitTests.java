package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;

import io.charter.shared.MessageBundle;
import io.charter.shared.WrittenTexts;

/** A day among a text's arguments (a refusal's deadline) reads as the pages write days, never as ISO. */
class MessageArgumentsUnitTests {

	StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("rights", new MessageBundle("i18n/rights"),
			"written", (WrittenTexts) (key, locale) -> key.equals("written.title")
					? Optional.of(locale.getLanguage().equals("fr") ? "Usage acceptable d'Internet"
							: locale.getLanguage().equals("nl") ? "Beleid {0} '25" : "Acceptable use")
					: Optional.empty()));

	MessageSource messages = Shell.messageSource(beans.getBeanProvider(MessageBundle.class),
			beans.getBeanProvider(WrittenTexts.class));

	@Test
	void aDayArgumentReadsInTheLanguageOfTheText() {
		Object[] day = { LocalDate.of(2026, 12, 31) };
		assertThat(messages.getMessage("rights.refused.extension-too-late", day, Locale.ENGLISH))
				.contains("by 31 December 2026, the end").doesNotContain("2026-12-31");
		assertThat(messages.getMessage("rights.refused.extension-too-late", day, Locale.FRENCH))
				.contains("le 31 décembre 2026, fin");
	}

	/** A policy document's title written in the console reads under its key, with or without arguments. */
	@Test
	void aKeyNoBundleHasReadsAsTheTextWrittenForIt() {
		assertThat(messages.getMessage("written.title", null, Locale.FRENCH)).isEqualTo("Usage acceptable d'Internet");
		assertThat(messages.getMessage("written.title", new Object[] { 1 }, Locale.FRENCH))
				.isEqualTo("Usage acceptable d'Internet");
		assertThat(messages.getMessage("written.title", null, Locale.ENGLISH)).isEqualTo("Acceptable use");
		// What an administrator typed is never read as a format, whatever braces and apostrophes it holds.
		assertThat(messages.getMessage("written.title", new Object[] { 1 }, Locale.forLanguageTag("nl")))
				.isEqualTo("Beleid {0} '25");
		assertThat(messages.getMessage("rights.due-today", null, Locale.FRENCH)).isEqualTo("échéance aujourd'hui");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.getMessage("written.other", null, Locale.ENGLISH))
				.isInstanceOf(org.springframework.context.NoSuchMessageException.class);
	}

	@Test
	void aTextWithoutPlaceholdersReadsAsWrittenWhateverItIsGiven() {
		assertThat(messages.getMessage("rights.due-today", new Object[] { 3 }, Locale.FRENCH))
				.isEqualTo("échéance aujourd'hui");
		assertThat(messages.getMessage("rights.due-today", null, Locale.FRENCH)).isEqualTo("échéance aujourd'hui");
	}
}
