package io.charter.devices.web;

import java.time.Instant;

/**
 * The last answer of one device to one check.
 *
 * @param outcome pass, fail or unknown (never asked, no query for the platform, or the query failed)
 * @param checkedAt when the device answered, null when it never did
 */
public record CheckState(String checkId, String clause, String outcome, Instant checkedAt) {
}
