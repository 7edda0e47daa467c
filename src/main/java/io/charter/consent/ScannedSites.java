package io.charter.consent;

import java.util.List;
import java.util.Optional;

/**
 * What the cookie scanner asks of the catalogue besides the published declaration
 * ({@link DeclarationVersions}): which sites there are, and the one change it makes, adding a cookie
 * a scan found to a site's draft. Implemented by the catalogue.
 */
public interface ScannedSites {

	/** Every site's key, in the order of the sites page. */
	List<String> siteKeys();

	/**
	 * Adds a cookie a scan found to the site's draft catalogue, marked to be confirmed with
	 * {@code note} saying what showed it, under the first service of {@code category}. Adding a name
	 * the draft already holds changes nothing. Publishing stays a person's step.
	 *
	 * @param purpose the suggested purpose, in English (the Open Cookie Database's words), or null
	 * @return the key of the service that holds the cookie; empty when the category has no service yet
	 */
	Optional<String> addFoundCookie(String siteKey, String category, String name, boolean thirdParty,
			Integer retentionDays, String purpose, String note);
}
