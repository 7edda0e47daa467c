package io.charter.policies.web;

/** A document in the console's list; a retired one is listed apart from those in force. */
public record DocumentRow(String id, String title, boolean retired) {
}
