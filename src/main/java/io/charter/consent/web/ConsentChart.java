package io.charter.consent.web;

import java.util.List;

/**
 * An SVG chart drawn by the server: coordinates are computed in Java, the template only writes
 * elements with presentation attributes (no inline style, so the strict CSP holds).
 *
 * @param axis SVG path of the two axes
 * @param bars stacked bars (records per method and day)
 * @param lines polylines (opt-in rate per category)
 */
public record ConsentChart(int width, int height, String axis, List<Bar> bars, List<Line> lines, List<Label> labels,
		List<Legend> legend) {

	/** @param key message key of the series, for the tooltip */
	public record Bar(String x, String y, String width, String height, String fill, String day, String key, long count) {
	}

	public record Line(String points, String stroke, String category) {
	}

	/** @param anchor SVG text-anchor: start, middle or end */
	public record Label(String x, String y, String text, String anchor) {
	}

	/** @param key message key, or null when {@code text} is shown as is (a category key) */
	public record Legend(String fill, String key, String text) {
	}
}
