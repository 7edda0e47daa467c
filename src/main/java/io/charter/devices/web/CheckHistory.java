package io.charter.devices.web;

import java.time.LocalDate;
import java.util.List;

/**
 * A device's answers to one check, one per day (the day's last answer) over the last days, for the
 * chart on the device's page and its text alternative.
 *
 * @param days the oldest first, a day without an answer included (outcome null)
 */
public record CheckHistory(String checkId, List<Day> days) {

	/** Bar geometry of the chart, in SVG user units. */
	public static final int BAR = 4;
	public static final int HEIGHT = 24;

	/** @param outcome pass, fail, unknown, or null when the device did not answer that day */
	public record Day(int index, LocalDate day, String outcome) {

		public int x() {
			return index * BAR;
		}

		/** Outcomes differ by height as well as colour: a full bar passes, a half one fails, a stub is unknown. */
		public int height() {
			return switch (outcome) {
				case "pass" -> HEIGHT;
				case "fail" -> HEIGHT / 2;
				default -> HEIGHT / 6;
			};
		}

		public int y() {
			return HEIGHT - height();
		}
	}

	public int width() {
		return days.size() * BAR;
	}

	/** On how many days the last answer had this outcome (null: days without an answer). */
	public long count(String outcome) {
		return days.stream().filter(d -> java.util.Objects.equals(d.outcome(), outcome)).count();
	}

	public List<Day> answered() {
		return days.stream().filter(d -> d.outcome() != null).toList();
	}

	public LocalDate from() {
		return days.get(0).day();
	}

	public LocalDate to() {
		return days.get(days.size() - 1).day();
	}
}
