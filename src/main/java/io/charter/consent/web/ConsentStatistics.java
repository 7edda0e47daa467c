package io.charter.consent.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Consent statistics of a site for a period (UTC days, both ends included): per day and in total,
 * records per method and, per non-necessary category, how many records granted it among those
 * whose version had it.
 */
public record ConsentStatistics(String siteKey, LocalDate from, LocalDate to, List<String> categories, Counts totals,
		List<Counts> days) {

	/** Counts of one day, or of the whole period ({@code day} absent). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Counts(LocalDate day, long records, long acceptAll, long refuseAll, long custom, long gpc,
			long withdraw, Map<String, OptIn> optIn) {
	}

	/** @param rate granted / shown, null when no record showed the category */
	public record OptIn(long granted, long shown, Double rate) {

		public String percent() {
			return rate == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
		}
	}
}
