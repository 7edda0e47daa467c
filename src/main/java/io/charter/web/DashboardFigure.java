package io.charter.web;

/**
 * A figure of the day on the dashboard, worded in the page's language.
 *
 * @param link where it is dealt with; null for none
 */
public record DashboardFigure(String text, String link) {
}
