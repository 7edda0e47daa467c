package io.charter.consent.statistics;

import java.time.LocalDate;
import java.util.List;

import io.charter.consent.web.ConsentChart;

/**
 * The statistics page of a site for a period and the one of the same length before it.
 *
 * @param categories the non-necessary categories of the period's versions, named in the page's language
 * @param error message key of a refused period (the figures are then those of the default period)
 * @param typedFrom the period as typed, kept when refused
 */
public record StatisticsPage(String siteKey, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
		List<Category> categories, Figures current, Figures previous, List<Row> byVersion, List<Row> byLanguage,
		List<Row> byPage, ConsentChart methods, ConsentChart rates, String typedFrom, String typedTo, String error) {

	public record Category(String key, String name) {
	}

	/**
	 * One line of a breakdown.
	 *
	 * @param material for a version: whether its publication asked visitors again (null otherwise)
	 */
	public record Row(String label, Boolean material, Figures figures) {
	}

	public static final List<String> METHODS = List.of("ACCEPT_ALL", "REFUSE_ALL", "CUSTOM", "GPC", "WITHDRAW");
}
