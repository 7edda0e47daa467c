package io.charter.consent.web;

/**
 * One thing the catalogue noticed: a material change since the last version, or a text missing
 * before publishing. {@code code} is stable (e.g. {@code cookie-added}); {@code subject} names what
 * it is about (e.g. {@code google-analytics/_ga}).
 */
public record Finding(String code, String subject) {
}
