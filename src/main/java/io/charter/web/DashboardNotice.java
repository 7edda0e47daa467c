package io.charter.web;

/**
 * A "needs attention" line of the dashboard, in the user's language.
 *
 * @param link where it is dealt with; null for none
 */
public record DashboardNotice(String text, String link, boolean warning) {
}
