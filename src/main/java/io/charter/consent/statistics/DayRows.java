package io.charter.consent.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.charter.consent.log.counts.ConsentTallies;

/**
 * Counts as the aggregate tables hold them. Made from tallies of the log by {@link #add}, the same
 * way for the roll-up and for the days counted live, so both give the same figures.
 */
final class DayRows {

	/** Records per day, version, language and method. */
	record Records(LocalDate day, int version, String language, String method, long records) {
	}

	/** Per category shown by those records: granted and refused. */
	record Choice(LocalDate day, int version, String language, String method, String category, long granted,
			long refused) {
	}

	/** Records per page and method. */
	record Page(LocalDate day, String page, String method, long records) {
	}

	/** Every count of a period. */
	record Counts(List<Records> records, List<Choice> choices, List<Page> pages) {
	}

	private record Key(LocalDate day, int version, String language, String method) {
	}

	private record PageKey(LocalDate day, String page, String method) {
	}

	private final Map<Key, Long> records = new LinkedHashMap<>();
	private final Map<Key, Map<String, long[]>> choices = new LinkedHashMap<>();
	private final Map<PageKey, Long> pages = new LinkedHashMap<>();

	/** Adds one tally: a service's own choice ({@code category:service}) is not a category's. */
	void add(ConsentTallies.Tally tally) {
		Key key = new Key(tally.day(), tally.version(), tally.language(), tally.method());
		records.merge(key, tally.records(), Long::sum);
		pages.merge(new PageKey(tally.day(), tally.page(), tally.method()), tally.records(), Long::sum);
		Map<String, long[]> perCategory = choices.computeIfAbsent(key, k -> new LinkedHashMap<>());
		tally.choices().forEach((category, granted) -> {
			if (category.indexOf(':') < 0) {
				perCategory.computeIfAbsent(category, c -> new long[2])[granted ? 0 : 1] += tally.records();
			}
		});
	}

	List<Records> records() {
		List<Records> out = new ArrayList<>();
		records.forEach((k, n) -> out.add(new Records(k.day(), k.version(), k.language(), k.method(), n)));
		return out;
	}

	List<Choice> choices() {
		List<Choice> out = new ArrayList<>();
		choices.forEach((k, m) -> m.forEach((category, n) -> out.add(
				new Choice(k.day(), k.version(), k.language(), k.method(), category, n[0], n[1]))));
		return out;
	}

	List<Page> pages() {
		List<Page> out = new ArrayList<>();
		pages.forEach((k, n) -> out.add(new Page(k.day(), k.page(), k.method(), n)));
		return out;
	}
}
