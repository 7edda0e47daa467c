package io.charter.consent.web;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A service that sets cookies (Google Analytics, a live chat, the site itself): its category, whether
 * a third party sets its cookies, and what it does, per language. The key is set at creation.
 */
public record ServiceForm(
		@Pattern(regexp = "[a-z0-9_-]{2,50}", message = "{catalogue.constraint.item-key}") String key,
		@NotBlank @Size(max = 100) String name,
		@NotBlank @Size(max = 200) String provider,
		@NotBlank @Size(max = 50) String category,
		Boolean thirdParty,
		@Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{catalogue.constraint.url}") String privacyUrl,
		Map<String, @Size(max = 2000) String> description) {

	public static ServiceForm blank() {
		return new ServiceForm("", "", "", "", false, "", Map.of());
	}

	public static ServiceForm of(Catalogue.Service s) {
		return new ServiceForm(s.key(), s.name(), s.provider(), s.category(), s.thirdParty(), s.privacyUrl(),
				s.description());
	}
}
