package io.charter.compliance.web;

import java.time.LocalDate;
import java.util.List;

import io.charter.shared.control.ControlStatus;

/**
 * Twelve months of a clause (or of the whole policy) drawn from the daily snapshots: the lines of the
 * chart in its own coordinates, and the last figure of each month for the table behind it (what a
 * screen reader reads instead of the picture).
 *
 * @param lines one SVG {@code points} list per unbroken run of measured days (a day not measured
 *        breaks the line rather than drawing it as zero)
 */
public record Trend(LocalDate from, LocalDate to, List<String> lines, List<Month> months) {

	public static final int WIDTH = 720;
	public static final int HEIGHT = 200;
	public static final int LEFT = 44;
	public static final int TOP = 10;
	public static final int PLOT_WIDTH = WIDTH - LEFT - 10;
	public static final int PLOT_HEIGHT = HEIGHT - TOP - 30;

	/**
	 * The last day with a figure in one month.
	 *
	 * @param percent the share met that day, null when nothing was measured
	 */
	public record Month(LocalDate day, Integer percent, ControlStatus status, int x, int y) {
	}

	public boolean empty() {
		return months.isEmpty();
	}

	/** The y of a percentage on the chart (100 % at the top). */
	public static int y(int percent) {
		return TOP + PLOT_HEIGHT - Math.round(PLOT_HEIGHT * percent / 100f);
	}
}
