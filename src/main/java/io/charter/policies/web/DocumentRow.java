package io.charter.policies.web;

/** A document in the console's list. */
public record DocumentRow(String id, String title) {
}
