package io.charter.devices.web;

import java.time.Instant;

/**
 * A software item installed on a device, as osquery last reported it.
 *
 * @param publisher the publisher (Windows), bundle identifier (macOS), maintainer or vendor (Linux)
 * @param approved whether an entry of the catalogue approves it on the device's platform
 */
public record SoftwareView(String name, String version, String publisher, Instant firstSeenAt, Instant lastSeenAt,
		boolean approved) {
}
