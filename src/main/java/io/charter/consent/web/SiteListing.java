package io.charter.consent.web;

/**
 * A site in the list of sites.
 *
 * @param currentVersion the latest published version, null when never published
 */
public record SiteListing(Catalogue.Site site, Integer currentVersion) {
}
