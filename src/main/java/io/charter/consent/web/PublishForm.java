package io.charter.consent.web;

import java.util.Map;

import jakarta.validation.constraints.Size;

/**
 * A publication: a short summary of the changes per language of the site (shown at the top of the
 * declaration). A change the catalogue finds material may be declared not material by the
 * publisher, with a reason that is added to the summary.
 */
public record PublishForm(Map<String, @Size(max = 500) String> summary, Boolean notMaterial,
		@Size(max = 300) String notMaterialReason) {

	public static PublishForm blank() {
		return new PublishForm(Map.of(), false, "");
	}
}
