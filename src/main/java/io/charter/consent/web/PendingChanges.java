package io.charter.consent.web;

import java.util.List;

/**
 * The draft compared with the current published version.
 *
 * @param currentVersion null when the site was never published
 * @param changed the draft differs from the current version
 * @param material what makes the change material (empty: not material)
 * @param missing texts that must be written before publishing
 */
public record PendingChanges(Integer currentVersion, boolean changed, List<Finding> material, List<Finding> missing) {
}
