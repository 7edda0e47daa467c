package io.charter.compliance.web;

/**
 * A clause as typed in its form: controls are ids separated by commas, spaces or lines; the version
 * read guards against writing over a change made meanwhile.
 */
public record ClauseForm(String id, String document, String title, String wording, String controls, Integer version) {
}
