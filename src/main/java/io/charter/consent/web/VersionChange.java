package io.charter.consent.web;

/**
 * One difference between a published version and the one before it, for the version page.
 *
 * @param item what it is about: {@code site}, {@code category}, {@code service}, {@code cookie} or
 *        {@code text} (a banner text)
 * @param subject the key of the category or service, {@code service/cookie}, or the site's name
 * @param kind {@code added}, {@code removed} or {@code changed}
 * @param field the field that changed (a component of the declaration's records, or a banner text
 *        key); null when the whole item was added or removed
 * @param language the language of a text that changed; null for a field that has none
 * @param before the value before (a text, number, yes/no or list); null when there was none
 * @param after the value after
 */
public record VersionChange(String item, String subject, String kind, String field, String language, Object before,
		Object after) {
}
