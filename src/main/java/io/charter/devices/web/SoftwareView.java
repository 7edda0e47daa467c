package io.charter.devices.web;

import java.time.Instant;

/**
 * A software item installed on a device, as osquery last reported it.
 *
 * @param publisher the publisher (Windows), bundle identifier (macOS), maintainer or vendor (Linux)
 * @param approved whether an entry of the catalogue approves it on the device's platform
 * @param prohibited an entry of the prohibited list (clause S8) matches it: never approved
 * @param exempted not approved, but covered by an exemption in force (shown as such, never as approved)
 */
public record SoftwareView(String name, String version, String publisher, Instant firstSeenAt, Instant lastSeenAt,
		boolean approved, boolean prohibited,
		boolean exempted) {

	/** approved, unapproved, prohibited, or either exempted: the word the pages show. */
	public String status() {
		if (prohibited) {
			return exempted ? "prohibited-exempted" : "prohibited";
		}
		return approved ? "approved" : exempted ? "exempted" : "unapproved";
	}
}
