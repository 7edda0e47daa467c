package io.charter.consent.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A cookie category: names and descriptions per language (required for each language of the
 * site), Google Consent Mode v2 types it grants, and whether Global Privacy Control refuses it.
 * The key is set at creation; {@code necessary} exists from the start and cannot be created.
 */
public record CategoryForm(
		@Pattern(regexp = "[a-z0-9_-]{2,50}", message = "{catalogue.constraint.item-key}") String key,
		Map<String, @Size(max = 100) String> name,
		Map<String, @Size(max = 2000) String> description,
		List<String> gcmTypes, Boolean refuseOnGpc, @Min(0) @Max(1000) Integer position) {

	public static CategoryForm blank() {
		return new CategoryForm("", Map.of(), Map.of(), List.of(), false, null);
	}

	public static CategoryForm of(Catalogue.Category c) {
		return new CategoryForm(c.key(), c.name(), c.description(), c.gcmTypes(), c.refuseOnGpc(), c.position());
	}
}
