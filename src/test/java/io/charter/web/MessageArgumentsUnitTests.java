package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;

import io.charter.shared.MessageBundle;

/** A day among a text's arguments (a refusal's deadline) reads as the pages write days, never as ISO. */
class MessageArgumentsUnitTests {

	MessageSource messages = Shell.messageSource(new StaticListableBeanFactory(
			Map.of("rights", new MessageBundle("i18n/rights"))).getBeanProvider(MessageBundle.class));

	@Test
	void aDayArgumentReadsInTheLanguageOfTheText() {
		Object[] day = { LocalDate.of(2026, 12, 31) };
		assertThat(messages.getMessage("rights.refused.extension-too-late", day, Locale.ENGLISH))
				.contains("by 31 December 2026, the end").doesNotContain("2026-12-31");
		assertThat(messages.getMessage("rights.refused.extension-too-late", day, Locale.FRENCH))
				.contains("le 31 décembre 2026, fin");
	}

	@Test
	void aTextWithoutPlaceholdersReadsAsWrittenWhateverItIsGiven() {
		assertThat(messages.getMessage("rights.due-today", new Object[] { 3 }, Locale.FRENCH))
				.isEqualTo("échéance aujourd'hui");
		assertThat(messages.getMessage("rights.due-today", null, Locale.FRENCH)).isEqualTo("échéance aujourd'hui");
	}
}
