package io.charter.consent.log.records;

import io.charter.consent.web.ConsentChart;
import io.charter.consent.web.ConsentStatistics;

/** The records page's SVG charts, for other pages of the consent module that show the same figures. */
public final class ConsentCharts {

	private ConsentCharts() {
	}

	/** Stacked bars of records per day and method; {@code statistics} must hold at least one day. */
	public static ConsentChart methods(ConsentStatistics statistics) {
		return ConsentLogReports.methodsChart(statistics);
	}

	/** One line per category: its opt-in rate per day. */
	public static ConsentChart rates(ConsentStatistics statistics) {
		return ConsentLogReports.ratesChart(statistics);
	}
}
