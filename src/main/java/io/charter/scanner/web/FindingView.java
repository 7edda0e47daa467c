package io.charter.scanner.web;

/**
 * A finding as the scan page shows it; {@code kind} is lower case with hyphens
 * ({@code cookie-before-consent}).
 *
 * @param position its place in the scan, by which "add to the catalogue" names it
 * @param proposable an undeclared cookie the privacy team may add to the catalogue draft
 */
public record FindingView(int position, String kind, boolean breach, String subject, String page, String evidence,
		String category, String purpose, boolean proposable) {
}
