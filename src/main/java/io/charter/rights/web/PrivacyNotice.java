package io.charter.rights.web;

/**
 * What the public form must tell the person about the data it collects (GDPR art. 13), filled from
 * the organisation's profile and the configured retention; the sentences are in the bundles.
 *
 * @param controller the organisation's legal name
 * @param contact how to reach it (address, e-mail, data protection officer), may be empty
 * @param retention how long request data are kept after the request closes, in words
 * @param complaint the sentence on the right to lodge a complaint (GDPR art. 77)
 */
public record PrivacyNotice(String controller, String contact, String retention, String complaint) {
}
