package io.charter.consent.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A site's settings, from the admin form or the API. The key is set at creation and never changes;
 * lifetimes and the Consent Mode delay fall back to their defaults (182, 182 days, 500 ms) when
 * left out. Origins are checked by the catalogue (scheme, host and port only). {@code revision} is
 * the site's revision the settings were read at: when given, the save is refused if another save
 * came in between (left out, the save applies whatever came before). {@code publicWebsites} are the
 * websites the declaration names (scheme, host and port, like origins), kept apart from the allowed
 * origins, a technical list that may hold staging or test addresses. The controller the declaration
 * and banner name is the organisation profile's, not the site's.
 */
public record SiteForm(@Pattern(regexp = "[a-z0-9-]{2,64}", message = "{catalogue.constraint.site-key}") String key,
		@NotBlank @Size(max = 200) String name,
		@Size(max = 20) List<@Size(max = 200) String> origins,
		List<@Pattern(regexp = "fr|nl|en") String> languages,
		@NotBlank @Pattern(regexp = "fr|nl|en") String defaultLanguage,
		@Min(1) @Max(395) Integer consentLifetimeDays,
		@Min(1) @Max(395) Integer refusalLifetimeDays,
		@Min(0) @Max(10000) Integer waitForUpdateMs,
		@Size(max = 10) List<@Size(max = 200) String> publicWebsites,
		@Min(0) Integer revision) {

	/** The form of a new site, with the defaults filled in. */
	public static SiteForm blank() {
		return new SiteForm("", "", List.of(), List.of("fr", "nl", "en"), "fr", 182, 182, 500, List.of(), null);
	}

	public static SiteForm of(Catalogue.Site site) {
		return new SiteForm(site.key(), site.name(), site.origins(), site.languages(), site.defaultLanguage(),
				site.consentLifetimeDays(), site.refusalLifetimeDays(), site.waitForUpdateMs(), site.publicWebsites(),
				site.revision());
	}

	/** The same values, to be saved over the given revision. */
	public SiteForm atRevision(int current) {
		return new SiteForm(key, name, origins, languages, defaultLanguage, consentLifetimeDays, refusalLifetimeDays,
				waitForUpdateMs, publicWebsites, current);
	}
}
