package io.charter.organisation.web;

/**
 * Something about the organisation the admin has not confirmed: a field left empty, or a value
 * the customer's own documents contradict.
 *
 * @param key what to name when answering it ({@code registered-address}, or the field's name)
 * @param field the form field it is about
 * @param note what the documents say besides the shipped value; null for an empty field
 */
public record OpenQuestion(String key, String field, String note) {
}
