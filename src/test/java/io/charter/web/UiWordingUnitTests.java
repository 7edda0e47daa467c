package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Dates, times, durations, counts and states read as people write them, in the page's language
 * and the organisation's time zone; the language links keep the page.
 */
class UiWordingUnitTests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	static Ui ui(String language, String path, String query) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/notify", "i18n/rights");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Ui(messages, Locale.forLanguageTag(language), BRUSSELS, "Pat", Set.of(), List.of(), "_csrf", "",
				path, query);
	}

	static Ui ui(String language) {
		return ui(language, "/", null);
	}

	@ParameterizedTest
	@CsvSource({ "en, 7 December 2026", "fr, 7 décembre 2026", "nl, 7 december 2026" })
	void writesDaysInTheLanguageOfThePage(String language, String expected) {
		assertThat(ui(language).date(LocalDate.of(2026, 12, 7))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "en, 7 December 2026", "fr, 7 décembre 2026", "nl, 7 december 2026" })
	void writesMomentsToTheMinuteWithoutIsoOrMicroseconds(String language, String day) {
		String written = ui(language).dateTime(Instant.parse("2026-12-07T13:05:42.123456Z"));
		assertThat(written).contains(day).contains("14:05").doesNotContain("42").doesNotContain("T13");
	}

	@Test
	void showsMomentsInBrusselsTimeOnBothSidesOfTheChangeToSummerTime() {
		// 29 March 2026: clocks go from 02:00 CET (+01:00) to 03:00 CEST (+02:00).
		assertThat(ui("en").dateTime(Instant.parse("2026-03-29T00:30:00Z"))).contains("29 March 2026").contains("01:30");
		assertThat(ui("en").dateTime(Instant.parse("2026-03-29T01:30:00Z"))).contains("29 March 2026").contains("03:30");
		// Late in the evening in UTC is already the next day in Brussels.
		assertThat(ui("en").date(Instant.parse("2026-10-24T22:30:00Z"))).isEqualTo("25 October 2026");
		assertThat(ui("en").dateTime(Instant.parse("2026-10-25T01:30:00Z"))).contains("25 October 2026").contains("02:30");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "en|P5Y|5 years", "fr|P5Y|5 ans", "nl|P5Y|5 jaar", "en|P1Y|1 year",
			"fr|P1Y|1 an", "en|P182D|182 days", "fr|P182D|182 jours", "nl|P182D|182 dagen", "nl|P1D|1 dag",
			"en|P1Y6M|1 year, 6 months", "nl|P1M|1 maand", "fr|P2M|2 mois", "en|P0D|0 days" })
	void writesPeriodsInWords(String language, String period, String expected) {
		assertThat(ui(language).duration(Period.parse(period))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "en|PT1H|1 hour", "fr|PT1H|1 heure", "nl|PT2H|2 uur", "en|PT36H|36 hours",
			"en|P1825D|5 years", "en|P182D|182 days", "fr|P1D|1 jour", "en|PT90M|90 minutes", "nl|PT1M|1 minuut",
			"en|PT10S|10 seconds", "fr|PT1S|1 seconde" })
	void writesDurationsInWordsWithoutRoundingAwayPartOfThem(String language, String duration, String expected) {
		assertThat(ui(language).duration(Duration.parse(duration))).isEqualTo(expected);
	}

	@Test
	void countsAgreeWithTheirNumber() {
		assertThat(ui("en").t("time.days", 1)).isEqualTo("1 day");
		assertThat(ui("en").t("time.days", 2)).isEqualTo("2 days");
		assertThat(ui("en").t("time.days", 1200)).isEqualTo("1,200 days");
		assertThat(ui("nl").t("time.days", 1200)).isEqualTo("1.200 dagen");
	}

	@Test
	void readsNoticeArgumentsAsPeopleDo() {
		assertThat(ui("fr").readable(LocalDate.of(2026, 12, 7))).isEqualTo("7 décembre 2026");
		assertThat(ui("nl").readable(Period.ofYears(5))).isEqualTo("5 jaar");
		assertThat(ui("en").readable(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(ui("en").readable(3)).isEqualTo(3);
	}

	@Test
	void writesStatesAsWordsAndUnknownOnesWithoutShouting() {
		assertThat(ui("en").word("outbox.status", "HELD")).isEqualTo("held: mail is not configured");
		assertThat(ui("fr").word("rights.fulfilment.outcome", "NOTHING_HELD")).isEqualTo("aucune donnée détenue");
		assertThat(ui("nl").word("rights.fulfilment.action", "EXPORT")).isEqualTo("kopie van de gegevens");
		assertThat(ui("en").word("rights.fulfilment.outcome", "SOMETHING_ELSE")).isEqualTo("something else");
	}

	@Test
	void languageLinksKeepThePathAndQueryReplacingOnlyTheLanguage() {
		assertThat(ui("en", "/setup", "token=abc%2Bdef").languageLink("fr")).isEqualTo("/setup?token=abc%2Bdef&lang=fr");
		assertThat(ui("en", "/audit", "lang=en&actor=user%3A1&from=2026-12-01").languageLink("nl"))
				.isEqualTo("/audit?actor=user%3A1&from=2026-12-01&lang=nl");
		assertThat(ui("en", "/rights", null).languageLink("fr")).isEqualTo("/rights?lang=fr");
		assertThat(ui("en", "/rights", "l%61ng=xx&page=2").languageLink("en")).isEqualTo("/rights?page=2&lang=en");
	}

	@Test
	void languageLinksNeverNameAnotherHost() {
		assertThat(ui("en", "//evil.example/x", "a=1").languageLink("fr")).isEqualTo("/evil.example/x?a=1&lang=fr");
		assertThat(ui("en", "", null).languageLink("fr")).isEqualTo("?lang=fr");
	}
}
