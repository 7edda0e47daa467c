package io.charter.devices.web;

/**
 * A problem of an MDM export: its line (0 for the whole file), the field (null for the whole row
 * or file) and why, as a message key of the devices bundle with its one argument (or null).
 */
public record ImportProblem(long line, String field, String key, String value) {
}
