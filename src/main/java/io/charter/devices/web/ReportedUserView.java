package io.charter.devices.web;

import java.time.Instant;
import java.util.List;

/**
 * Who osquery last reported as logged in on a device, and what became of it.
 *
 * @param user the user names reported (comma-separated), or null when osquery never said
 * @param ownerSource where the owner came from: manual, mdm, osquery, or null without an owner
 * @param candidates "name (e-mail)" of each person the user could be, when several: nobody was assigned
 */
public record ReportedUserView(String user, Instant at, String ownerSource, List<String> candidates) {
}
