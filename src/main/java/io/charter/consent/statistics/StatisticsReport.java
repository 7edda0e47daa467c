package io.charter.consent.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.consent.log.counts.ConsentTallies;
import io.charter.consent.log.records.ConsentCharts;
import io.charter.consent.log.records.DailyConsentStatistics;
import io.charter.consent.web.ConsentStatistics;
import io.charter.shared.NotFound;

/** Builds the statistics page of a site: headline figures, breakdowns, charts. */
@Service
class StatisticsReport implements DailyConsentStatistics {

	/** The longest period a page covers. */
	static final int MAX_DAYS = 366;
	static final int DEFAULT_DAYS = 7;

	/** A period the page cannot show; {@code key} is the message shown. */
	static final class PeriodRefused extends RuntimeException {

		final String key;

		PeriodRefused(String key, String detail) {
			super(detail);
			this.key = key;
		}
	}

	record Period(LocalDate from, LocalDate to) {

		long days() {
			return ChronoUnit.DAYS.between(from, to) + 1;
		}

		Period previous() {
			return new Period(from.minusDays(days()), from.minusDays(1));
		}
	}

	private final DailyStatistics statistics;
	private final ConsentTallies tallies;
	private final DeclarationVersions versions;

	StatisticsReport(DailyStatistics statistics, ConsentTallies tallies, DeclarationVersions versions) {
		this.statistics = statistics;
		this.tallies = tallies;
		this.versions = versions;
	}

	/** The period asked for; by default the last seven days up to today (UTC). */
	Period period(String from, String to) {
		LocalDate end = date(to, "to", tallies.today());
		LocalDate start = date(from, "from", end.minusDays(DEFAULT_DAYS - 1));
		if (start.isAfter(end)) {
			throw new PeriodRefused("consent-log.stats-page.error.order", "from must not be after to.");
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw new PeriodRefused("consent-log.stats-page.error.length", "A period covers at most " + MAX_DAYS + " days.");
		}
		return new Period(start, end);
	}

	Period defaultPeriod() {
		return period(null, null);
	}

	private static LocalDate date(String text, String field, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw new PeriodRefused("consent-log.stats-page.error.date", field + " must be a date such as 2026-12-01.");
		}
	}

	StatisticsPage page(String siteKey, Period period, String language, String typedFrom, String typedTo, String error) {
		UUID siteId = tallies.siteId(siteKey).orElseThrow(() -> new NotFound("No such site."));
		Period previous = period.previous();
		DayRows.Counts counts = statistics.read(siteId, period.from(), period.to());
		DayRows.Counts before = statistics.read(siteId, previous.from(), previous.to());

		Map<Integer, Boolean> material = new TreeMap<>();
		versions.history(siteKey).forEach(c -> material.put(c.version(), c.material()));
		List<StatisticsPage.Category> categories = categories(siteKey, counts, language);

		List<StatisticsPage.Row> byVersion = breakdown(counts, r -> "v" + r.version(), c -> "v" + c.version()).entrySet()
				.stream().sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(1))))
				.map(e -> new StatisticsPage.Row(e.getKey(), material.get(Integer.parseInt(e.getKey().substring(1))),
						e.getValue()))
				.toList();
		List<StatisticsPage.Row> byLanguage = breakdown(counts, DayRows.Records::language, DayRows.Choice::language)
				.entrySet().stream().sorted(Map.Entry.comparingByKey())
				.map(e -> new StatisticsPage.Row(e.getKey(), null, e.getValue())).toList();
		Map<String, Figures.Sum> pages = new LinkedHashMap<>();
		counts.pages().forEach(p -> pages.computeIfAbsent(p.page(), k -> new Figures.Sum()).records(p.method(), p.records()));
		List<StatisticsPage.Row> byPage = pages.entrySet().stream()
				.map(e -> new StatisticsPage.Row(e.getKey(), null, e.getValue().figures()))
				.sorted(Comparator.comparingLong((StatisticsPage.Row r) -> -r.figures().records()).thenComparing(StatisticsPage.Row::label))
				.toList();

		ConsentStatistics daily = daily(siteKey, period, counts, categories, StatisticsPage.Category::name);
		return new StatisticsPage(siteKey, period.from(), period.to(), previous.from(), previous.to(), categories,
				total(counts), total(before), byVersion, byLanguage, byPage, ConsentCharts.methods(daily),
				ConsentCharts.rates(daily), typedFrom, typedTo, error);
	}

	static Figures total(DayRows.Counts counts) {
		return breakdown(counts, r -> "", c -> "").getOrDefault("", new Figures.Sum().figures());
	}

	private static Map<String, Figures> breakdown(DayRows.Counts counts, Function<DayRows.Records, String> records,
			Function<DayRows.Choice, String> choices) {
		Map<String, Figures.Sum> sums = new LinkedHashMap<>();
		counts.records().forEach(r -> sums.computeIfAbsent(records.apply(r), k -> new Figures.Sum()).records(r.method(), r.records()));
		counts.choices().forEach(c -> sums.computeIfAbsent(choices.apply(c), k -> new Figures.Sum())
				.choice(c.category(), c.granted(), c.refused()));
		Map<String, Figures> out = new LinkedHashMap<>();
		sums.forEach((k, s) -> out.put(k, s.figures()));
		return out;
	}

	/**
	 * The non-necessary categories met in the period, in the order of the latest version that has
	 * them, named as that version names them in the page's language (else its default language).
	 */
	private List<StatisticsPage.Category> categories(String siteKey, DayRows.Counts counts, String language) {
		Map<String, String> names = new LinkedHashMap<>();
		List<Integer> seen = counts.records().stream().map(DayRows.Records::version).distinct()
				.sorted(Comparator.reverseOrder()).toList();
		for (int v : seen) {
			versions.version(siteKey, v).ifPresent(d -> {
				for (Declaration.Category c : d.categories()) {
					if (!c.necessary()) {
						names.putIfAbsent(c.key(), name(c, language, d.site().defaultLanguage()));
					}
				}
			});
		}
		counts.choices().forEach(c -> names.putIfAbsent(c.category(), c.category()));
		List<StatisticsPage.Category> out = new ArrayList<>();
		names.forEach((k, n) -> out.add(new StatisticsPage.Category(k, n)));
		return out;
	}

	private static String name(Declaration.Category category, String language, String fallback) {
		String name = category.name().get(language);
		if (name == null || name.isBlank()) {
			name = category.name().get(fallback);
		}
		return name == null || name.isBlank() ? category.key() : name;
	}

	/** The period's figures from the same reads as the page; categories by key. */
	@Override
	public ConsentStatistics of(String siteKey, LocalDate from, LocalDate to) {
		UUID siteId = tallies.siteId(siteKey).orElseThrow(() -> new NotFound("No such site."));
		DayRows.Counts counts = statistics.read(siteId, from, to);
		return daily(siteKey, new Period(from, to), counts, categories(siteKey, counts, ""), StatisticsPage.Category::key);
	}

	/**
	 * Per day, in the shape of the records page's charts; every day of the period, so one day of data
	 * draws. Categories are labelled by {@code label}: names on the page, keys in the API.
	 */
	private static ConsentStatistics daily(String siteKey, Period period, DayRows.Counts counts,
			List<StatisticsPage.Category> categories, Function<StatisticsPage.Category, String> label) {
		Map<LocalDate, Figures.Sum> days = new TreeMap<>();
		for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
			days.put(d, new Figures.Sum());
		}
		counts.records().forEach(r -> days.get(r.day()).records(r.method(), r.records()));
		counts.choices().forEach(c -> days.get(c.day()).choice(c.category(), c.granted(), c.refused()));
		List<String> names = categories.stream().map(label).toList();
		List<ConsentStatistics.Counts> perDay = new ArrayList<>();
		days.forEach((day, sum) -> perDay.add(counts(day, sum.figures(), categories, label)));
		return new ConsentStatistics(siteKey, period.from(), period.to(), names,
				counts(null, total(counts), categories, label), perDay);
	}

	private static ConsentStatistics.Counts counts(LocalDate day, Figures f, List<StatisticsPage.Category> categories,
			Function<StatisticsPage.Category, String> label) {
		Map<String, ConsentStatistics.OptIn> optIn = new LinkedHashMap<>();
		for (StatisticsPage.Category c : categories) {
			Figures.Rate rate = f.rate(c.key());
			optIn.put(label.apply(c), new ConsentStatistics.OptIn(rate.granted(), rate.shown(), rate.optIn()));
		}
		return new ConsentStatistics.Counts(day, f.records(), f.method("ACCEPT_ALL"), f.method("REFUSE_ALL"),
				f.method("CUSTOM"), f.method("GPC"), f.method("WITHDRAW"), optIn);
	}
}
