package io.charter.consent.statistics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts of a set of records: per method, and per category how many granted and refused it among
 * the records whose version showed it.
 */
public record Figures(long records, Map<String, Long> methods, Map<String, Rate> categories) {

	/** @param granted records that granted the category; {@code refused} those that refused it */
	public record Rate(long granted, long refused) {

		public long shown() {
			return granted + refused;
		}

		public Double optIn() {
			return shown() == 0 ? null : (double) granted / shown();
		}

		public Double refusal() {
			return shown() == 0 ? null : (double) refused / shown();
		}
	}

	/** Adds counts up; {@link #figures()} gives the result. */
	static final class Sum {

		private long records;
		private final Map<String, Long> methods = new LinkedHashMap<>();
		private final Map<String, long[]> categories = new LinkedHashMap<>();

		void records(String method, long n) {
			records += n;
			methods.merge(method, n, Long::sum);
		}

		void choice(String category, long granted, long refused) {
			long[] c = categories.computeIfAbsent(category, k -> new long[2]);
			c[0] += granted;
			c[1] += refused;
		}

		Figures figures() {
			Map<String, Rate> rates = new LinkedHashMap<>();
			categories.forEach((k, c) -> rates.put(k, new Rate(c[0], c[1])));
			return new Figures(records, Map.copyOf(methods), rates);
		}
	}

	public long method(String method) {
		return methods.getOrDefault(method, 0L);
	}

	/** Share of the records made with this method, null without records. */
	public Double share(String method) {
		return records == 0 ? null : (double) method(method) / records;
	}

	public Rate rate(String category) {
		return categories.getOrDefault(category, new Rate(0, 0));
	}

	/** A share as shown on the page and in the CSV: {@code 42.5 %}, or a dash when there is nothing to divide. */
	public static String percent(Double share) {
		return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
	}
}
