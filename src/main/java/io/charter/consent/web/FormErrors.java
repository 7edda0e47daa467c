package io.charter.consent.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was wrong with a submitted form: messages per field (e.g. {@code name}, {@code name[fr]})
 * and messages about the form as a whole, already in the page's language.
 */
public record FormErrors(Map<String, List<String>> fields, List<String> global) {

	public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

	public boolean any() {
		return !fields.isEmpty() || !global.isEmpty();
	}

	public boolean has(String field) {
		return fields.containsKey(field);
	}

	public String of(String field) {
		List<String> messages = fields.get(field);
		return messages == null ? null : String.join(" ", messages);
	}

	public static FormErrors of(Map<String, List<String>> fields, List<String> global) {
		return new FormErrors(new LinkedHashMap<>(fields), List.copyOf(global));
	}
}
