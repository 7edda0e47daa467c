package io.charter.premises.web;

/**
 * The kiosk's privacy notice for visitors: only what the organisation has given. A missing contact
 * leaves its sentence out (the admin is told on the dashboard), never a placeholder.
 *
 * @param organisation the legal name in the page's language
 * @param contact where to ask for one's data (the DPO, else the organisation's address); null if none was given
 * @param privacyPolicyUrl null if none was given
 * @param retentionDays how long the visitor's name and company are kept
 * @param authority the supervisory authority as the profile names it (name, address, website); null
 *        where it names none, and the notice states the right to complain without naming one
 */
public record VisitorNotice(String organisation, String contact, String privacyPolicyUrl, long retentionDays,
		String authority) {
}
