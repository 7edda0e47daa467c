package io.charter.consent.web;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A cookie of a service. The name is a cookie name, or a prefix ending in {@code *}. No retention
 * days means a session cookie; 0 means less than a day (say how long in the retention text). A cookie
 * marked to be confirmed needs a note saying what is not confirmed.
 */
public record CookieForm(
		@NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9!#$%&'+.^_`|~-]+\\*?", message = "{catalogue.constraint.cookie-name}") String name,
		@Size(max = 200) @Pattern(regexp = "\\.?[A-Za-z0-9.-]*", message = "{catalogue.constraint.domain}") String domain,
		Boolean thirdParty,
		@Min(0) @Max(7300) Integer retentionDays,
		Map<String, @Size(max = 100) String> retention,
		Map<String, @Size(max = 2000) String> purpose,
		Boolean toBeConfirmed,
		@Size(max = 500) String note) {

	public static CookieForm blank() {
		return new CookieForm("", "", false, null, Map.of(), Map.of(), false, "");
	}

	public static CookieForm of(Catalogue.Cookie c) {
		return new CookieForm(c.name(), c.domain(), c.thirdParty(), c.retentionDays(), c.retention(), c.purpose(),
				c.toBeConfirmed(), c.note());
	}
}
