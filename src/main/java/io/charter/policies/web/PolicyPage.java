package io.charter.policies.web;

/**
 * A version as a page shows it.
 *
 * @param html the rendered, sanitised text
 * @param sha256 the SHA-256 of the version's Markdown, posted back with an acknowledgement
 */
public record PolicyPage(String documentId, String title, int version, String html, String sha256) {
}
